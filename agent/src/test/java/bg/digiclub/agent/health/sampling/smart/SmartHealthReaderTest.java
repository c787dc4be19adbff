package bg.digiclub.agent.health.sampling.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.Fixtures;
import bg.digiclub.testsupport.TestClock;

class SmartHealthReaderTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));

    /** Hand-written stand-in for the smartctl process: answers from captured outputs and records calls. */
    private static final class RecordedSmartctl implements SmartctlCommand {
        final Map<List<String>, String> answers = new HashMap<>();
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public Optional<String> run(List<String> arguments) {
            calls.add(arguments);
            return Optional.ofNullable(answers.get(arguments));
        }
    }

    private static RecordedSmartctl twoDisks(String sdaFixture, String nvmeFixture) {
        RecordedSmartctl smartctl = new RecordedSmartctl();
        smartctl.answers.put(List.of("--scan", "-j"), Fixtures.text("smartctl/scan-sata-and-nvme.json"));
        smartctl.answers.put(List.of("-H", "-j", "-d", "sat", "/dev/sda"), Fixtures.text(sdaFixture));
        smartctl.answers.put(List.of("-H", "-j", "-d", "nvme", "/dev/nvme0"), Fixtures.text(nvmeFixture));
        return smartctl;
    }

    @Test
    void eachJudgedDiskGetsOneOrZero() {
        RecordedSmartctl smartctl = twoDisks("smartctl/health-failed-sata.json", "smartctl/health-passed-nvme.json");
        SmartHealthReader reader = new SmartHealthReader(Optional.of(smartctl), clock, Duration.ofHours(1));
        assertEquals(Map.of(Metric.diskSmartOk("sda"), 0.0, Metric.diskSmartOk("nvme0"), 1.0), reader.metrics());
    }

    @Test
    void diskThatCannotBeJudgedHasNoMetric() {
        RecordedSmartctl smartctl =
                twoDisks("smartctl/health-no-smart-support.json", "smartctl/health-permission-denied.json");
        SmartHealthReader reader = new SmartHealthReader(Optional.of(smartctl), clock, Duration.ofHours(1));
        assertEquals(Map.of(), reader.metrics());
    }

    @Test
    void smartctlThatPrintsGarbageOrNothingGivesNoMetric() {
        RecordedSmartctl smartctl = new RecordedSmartctl();
        smartctl.answers.put(List.of("--scan", "-j"), Fixtures.text("smartctl/scan-sata-and-nvme.json"));
        smartctl.answers.put(List.of("-H", "-j", "-d", "sat", "/dev/sda"), "Segmentation fault");
        // /dev/nvme0 gets no answer at all: as when smartctl timed out.
        SmartHealthReader reader = new SmartHealthReader(Optional.of(smartctl), clock, Duration.ofHours(1));
        assertEquals(Map.of(), reader.metrics());
    }

    @Test
    void noSmartctlMeansNoMetricsAndNoCalls() {
        SmartHealthReader reader = new SmartHealthReader(Optional.empty(), clock, Duration.ofHours(1));
        assertFalse(reader.available());
        assertEquals(Map.of(), reader.metrics());
    }

    @Test
    void verdictsAreKeptForTheTimeToLive() {
        RecordedSmartctl smartctl = twoDisks("smartctl/health-passed-sata.json", "smartctl/health-passed-nvme.json");
        SmartHealthReader reader = new SmartHealthReader(Optional.of(smartctl), clock, Duration.ofHours(1));
        reader.metrics();
        assertEquals(3, smartctl.calls.size());
        clock.advance(Duration.ofMinutes(59));
        reader.metrics();
        assertEquals(3, smartctl.calls.size());
        smartctl.answers.put(
                List.of("-H", "-j", "-d", "sat", "/dev/sda"), Fixtures.text("smartctl/health-failed-sata.json"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0.0, reader.metrics().get(Metric.diskSmartOk("sda")));
        assertEquals(6, smartctl.calls.size());
    }
}
