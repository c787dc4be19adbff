package bg.digiclub.agent.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void numbersHaveAtMostOneDecimal() {
        assertEquals("7", PlainWords.number(7.0));
        assertEquals("9.6", PlainWords.number(9.64));
        assertEquals("10", PlainWords.number(9.96));
        assertEquals("0", PlainWords.number(-0.01));
        assertEquals("82 °C", PlainWords.celsius(82));
        assertEquals("7.5 %", PlainWords.percent(7.5));
    }

    @Test
    void sizesUseTheUnitsWindowsShows() {
        assertEquals("238 GB", PlainWords.bytes(256e9), "a 256 GB disk as Windows shows it");
        assertEquals("8 GB", PlainWords.bytes(8L * 1024 * 1024 * 1024));
        assertEquals("1.5 TB", PlainWords.bytes(1.5 * 1024 * 1024 * 1024 * 1024));
        assertEquals("512 bytes", PlainWords.bytes(512));
        assertEquals("14.6 GB", PlainWords.bytes(14.6 * 1024 * 1024 * 1024));
    }

    @Test
    void agesReadNaturally() {
        assertEquals("1 minute", PlainWords.age(Duration.ofSeconds(90)));
        assertEquals("59 minutes", PlainWords.age(Duration.ofMinutes(59)));
        assertEquals("1 hour", PlainWords.age(Duration.ofMinutes(61)));
        assertEquals("47 hours", PlainWords.age(Duration.ofHours(47)));
        assertEquals("2 days", PlainWords.age(Duration.ofHours(48)));
        assertEquals("16 days", PlainWords.age(Duration.ofDays(16).plusHours(23)));
        assertEquals("1 day", PlainWords.days(1));
        assertEquals("14 days", PlainWords.days(14));
    }
}
