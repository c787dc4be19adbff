package bg.digiclub.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CountdownTest {
    @Test
    void formatsMinutesAndSecondsRoundingUp() {
        assertEquals("60:00", Countdown.format(Duration.ofMinutes(60)));
        assertEquals("59:59", Countdown.format(Duration.ofMinutes(60).minusMillis(1000)));
        assertEquals("0:01", Countdown.format(Duration.ofMillis(10)));
        assertEquals("0:00", Countdown.format(Duration.ZERO));
        assertEquals("1:30:00", Countdown.format(Duration.ofMinutes(90)));
    }
}
