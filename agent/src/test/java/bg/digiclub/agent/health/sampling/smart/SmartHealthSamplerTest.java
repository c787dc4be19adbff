package bg.digiclub.agent.health.sampling.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.Fixtures;
import bg.digiclub.testsupport.TestClock;

class SmartHealthSamplerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final HealthSample base = new HealthSample(
            clock.instant(),
            Map.of(Metric.MEM_USED_PCT, 40.0),
            List.of(new ProcessUsage(7, "kiosk", 3.0, 1_000)),
            List.of());

    @Test
    void addsVerdictsToTheBaseSample() {
        SmartctlCommand smartctl = args -> Optional.of(
                args.contains("--scan")
                        ? Fixtures.text("smartctl/scan-sata-and-nvme.json")
                        : Fixtures.text(
                                args.contains("nvme")
                                        ? "smartctl/health-passed-nvme.json"
                                        : "smartctl/health-failed-sata.json"));
        SmartHealthReader reader = new SmartHealthReader(Optional.of(smartctl), clock, Duration.ofHours(1));

        HealthSample sample = new SmartHealthSampler(() -> base, reader).sample();

        assertEquals(
                Map.of(Metric.MEM_USED_PCT, 40.0, Metric.diskSmartOk("sda"), 0.0, Metric.diskSmartOk("nvme0"), 1.0),
                sample.metrics());
        assertEquals(base.topByCpu(), sample.topByCpu());
        assertEquals(base.at(), sample.at());
    }

    @Test
    void withoutSmartctlTheBaseSampleIsUnchanged() {
        SmartHealthReader reader = new SmartHealthReader(Optional.empty(), clock, Duration.ofHours(1));
        assertEquals(base, new SmartHealthSampler(() -> base, reader).sample());
    }
}
