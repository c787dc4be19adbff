package bg.digiclub.kiosk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;

/** A check's value reads in the visitor's language from the agent's facts, else as the agent wrote it. */
class HealthValueTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final double GB = 1024d * 1024 * 1024;
    private final I18n bg = new I18n(Language.BG);
    private final I18n en = new I18n(Language.EN);

    @Test
    void diskFreeSpace() {
        CheckReport disk = check(
                "disk:/",
                "9 % free of 237 GB",
                Map.of("freePercent", 9.0, "freeBytes", 21 * GB, "totalBytes", 237 * GB));
        assertEquals("9 % свободни (21 GB от 237 GB)", bg(disk));
        assertEquals("9 % free (21 GB of 237 GB)", en(disk));
        CheckReport withoutFree =
                check("disk:/home", "7.5 % free of 1.8 TB", Map.of("freePercent", 7.46, "totalBytes", 1.8 * 1024 * GB));
        assertEquals("7,5 % свободни от 1,8 TB", bg(withoutFree), "Bulgarian writes a decimal comma");
        assertEquals("7.5 % free of 1.8 TB", en(withoutFree));
    }

    @Test
    void processorTemperature() {
        CheckReport hot = check("cpu-temperature", "48 °C", Map.of("celsius", 48.0));
        assertEquals("48 °C", bg(hot));
        assertEquals("48 °C", en(hot));
        assertEquals("61,5 °C", bg(check("cpu-temperature", "61.5 °C", Map.of("celsius", 61.54))));
    }

    @Test
    void memoryInUse() {
        CheckReport memory = check("memory", "36 % used of 8 GB", Map.of("percent", 36.0, "totalBytes", 8 * GB));
        assertEquals("36 % заети от 8 GB", bg(memory));
        assertEquals("36 % used of 8 GB", en(memory));
        assertEquals("95,5 % заети", bg(check("swap", "95.5 % used", Map.of("percent", 95.5))));
    }

    @Test
    void uptimeInMinutesHoursOrDays() {
        CheckReport days = check("uptime", "3 days since restart", Map.of("seconds", 3 * 86_400.0 + 5 * 3600));
        assertEquals("3 дни", bg(days));
        assertEquals("3 days", en(days));
        CheckReport hours = check("uptime", "26 hours since restart", Map.of("seconds", 26 * 3600.0 + 2400));
        assertEquals("26 часа", bg(hours));
        assertEquals("26 hours", en(hours));
        CheckReport minute = check("uptime", "1 minute since restart", Map.of("seconds", 90.0));
        assertEquals("1 минута", bg(minute));
        assertEquals("1 minute", en(minute));
    }

    @Test
    void notAvailable() {
        CheckReport none =
                new CheckReport("battery-health", HealthStatus.UNKNOWN, "not available", T0, Map.of("available", 0.0));
        assertEquals("няма данни", bg(none));
        assertEquals("not available", en(none));
    }

    @Test
    void smartSelfAssessment() {
        assertEquals("изправен", bg(check("smart:sda", "passed", Map.of("smartOk", 1.0))));
        assertEquals("passed", en(check("smart:sda", "passed", Map.of("smartOk", 1.0))));
        assertEquals("повреден", bg(check("smart:sda", "failed", Map.of("smartOk", 0.0))));
        assertEquals("failed", en(check("smart:sda", "failed", Map.of("smartOk", 0.0))));
    }

    @Test
    void batteryAndFans() {
        assertEquals(
                "15 %, на батерия",
                bg(check("battery-charge", "15 %, on battery", Map.of("percent", 15.0, "onBattery", 1.0))));
        assertEquals(
                "80 % of its capacity when new",
                en(check("battery-health", "80 % of its capacity when new", Map.of("percent", 80.0))));
        assertEquals("спрял (няма показание)", bg(check("fan:1", "stopped (no reading)", Map.of("stopped", 1.0))));
        assertEquals("900 rpm", en(check("fan:1", "900 rpm", Map.of("rpm", 900.0))));
    }

    @Test
    void withoutFactsTheAgentsWordsAreShownAsSent() {
        CheckReport older = new CheckReport("disk:/", HealthStatus.WARN, "8 % free", T0);
        assertEquals("8 % free", bg(older), "an agent older than facts");
        CheckReport unknown = check("gpu-temperature", "70 °C", Map.of("celsius", 70.0));
        assertEquals("70 °C", bg(unknown), "a check this kiosk does not know");
        CheckReport odd = check("memory", "it's 5 % {0}", Map.of("somethingNew", 1.0));
        assertEquals("it's 5 % {0}", bg(odd), "the agent's words are an argument, not a pattern");
    }

    @Test
    void everyCheckTheAgentSendsHasANameInBothLanguages() {
        // the agent's CheckNames and the checks it raises itself: none may reach a Bulgarian screen raw
        List<String> agentChecks = List.of(
                "disk:/",
                "smart:vda",
                "fan:0",
                "cpu-temperature",
                "memory",
                "swap",
                "battery-charge",
                "battery-health",
                "uptime",
                "staff-pin",
                "database",
                "visitor-reset");
        for (String name : agentChecks) {
            String inBg = bg.format(HealthLine.name(name));
            String inEn = en.format(HealthLine.name(name));
            assertNotEquals(name, inBg);
            String words = inBg.replace(name.substring(name.indexOf(':') + 1), "");
            assertTrue(words.matches("[^A-Za-z]*[А-Яа-я][^A-Za-z]*"), name + " in Bulgarian: " + inBg);
            assertTrue(inEn.matches(".*[A-Za-z].*") && !inEn.equals(name), name + " in English: " + inEn);
        }
        assertEquals("Изправност на диск vda", bg.format(HealthLine.name("smart:vda")));
        assertEquals("Виртуална памет (на диска)", bg.format(HealthLine.name("swap")));
        assertEquals("Заряд на батерията", bg.format(HealthLine.name("battery-charge")));
        assertEquals("Battery charge", en.format(HealthLine.name("battery-charge")));
    }

    @Test
    void checksTheAgentRaisesItselfAreSaidInTheVisitorsLanguage() {
        CheckReport resetOk = new CheckReport("visitor-reset", HealthStatus.OK, "reset ok", T0);
        assertEquals("без проблеми", bg(resetOk));
        CheckReport resetFailed = new CheckReport(
                "visitor-reset", HealthStatus.CRIT, "the visitor's data could not be removed: home", T0);
        assertEquals(
                "файловете на последния посетител не можаха да се изтрият; компютърът не приема посетители",
                bg(resetFailed));
        CheckReport database = new CheckReport("database", HealthStatus.CRIT, "The database x was damaged", T0);
        assertFalse(bg(database).matches(".*[A-Za-z].*"), bg(database));
    }

    @Test
    void uptimeCountsOnFromTheReport() {
        CheckReport uptime = check("uptime", "59 minutes since restart", Map.of("seconds", 59 * 60.0 + 30));
        assertEquals("59 минути", bg.format(HealthValue.uptime(uptime, Duration.ZERO)));
        assertEquals("1 час", bg.format(HealthValue.uptime(uptime, Duration.ofSeconds(30))));
    }

    private static CheckReport check(String name, String value, Map<String, Double> facts) {
        return new CheckReport(name, HealthStatus.OK, value, T0, facts);
    }

    private String bg(CheckReport check) {
        return bg.format(HealthLine.of(check).value());
    }

    private String en(CheckReport check) {
        return en.format(HealthLine.of(check).value());
    }
}
