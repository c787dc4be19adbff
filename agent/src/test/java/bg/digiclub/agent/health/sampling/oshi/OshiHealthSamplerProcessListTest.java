package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import oshi.spi.SystemInfoProvider;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.ProcessTable;
import bg.digiclub.agent.health.sampling.ProcessTable.CpuTimes;
import bg.digiclub.agent.health.sampling.SamplingTtls;
import bg.digiclub.testsupport.TestClock;

/** The process listing is kept for its time-to-live: a real sampler over a scripted process table. */
@EnabledOnOs(OS.LINUX)
class OshiHealthSamplerProcessListTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private static SystemInfoProvider systemInfo;

    /** Lists two processes; the second gains a second of CPU with every listing. */
    private static final class CountingTable implements ProcessTable {
        int listings;

        @Override
        public List<ProcessReading> read() {
            listings++;
            long uptime = 100_000 + listings * 10_000L;
            return List.of(
                    new ProcessReading(1, "init", new CpuTimes(0, uptime, 500), 8_000_000),
                    new ProcessReading(42, "busy", new CpuTimes(1_000, uptime - 1_000, listings * 1_000L), 1_000_000));
        }
    }

    @BeforeAll
    static void startOshi() {
        QuietOshi.apply();
        systemInfo = PlatformReaders.systemInfo();
    }

    @Test
    void processesAreListedOncePerTimeToLiveAndEverySampleShowsTheListing() {
        TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
        CountingTable table = new CountingTable();
        SamplingTtls ttls = new SamplingTtls(
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1), TTL);
        OshiHealthSampler sampler = new OshiHealthSampler(systemInfo, clock, ttls, table);

        HealthSample first = sampler.sample();
        clock.advance(Duration.ofSeconds(10));
        HealthSample second = sampler.sample();
        clock.advance(Duration.ofSeconds(10));
        HealthSample third = sampler.sample();
        assertEquals(1, table.listings, "listed once within the time-to-live");
        for (HealthSample s : List.of(first, second, third)) {
            assertEquals(2.0, s.metric(Metric.PROCESS_COUNT).orElseThrow());
            assertEquals(
                    List.of(1, 42),
                    s.topByMemory().stream().map(ProcessUsage::pid).toList());
            assertEquals(first.topByCpu(), s.topByCpu());
        }

        clock.advance(Duration.ofSeconds(10));
        HealthSample fourth = sampler.sample();
        assertEquals(2, table.listings, "listed again once the time-to-live is over");
        ProcessUsage busy = fourth.topByCpu().get(0);
        assertEquals(42, busy.pid());
        // one more second of CPU in the 10 s between the two listings, over all the PC's processors
        int cpus = systemInfo.getHardware().getProcessor().getLogicalProcessorCount();
        assertEquals(10.0 / cpus, busy.cpuPercent(), 1e-9);
    }
}
