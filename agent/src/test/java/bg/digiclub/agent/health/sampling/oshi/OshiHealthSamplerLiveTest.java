package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import oshi.spi.SystemInfoProvider;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.SampleOutcome;
import bg.digiclub.agent.health.sampling.SamplingTtls;
import bg.digiclub.agent.health.sampling.SamplingWorker;
import bg.digiclub.agent.health.sampling.smart.SmartHealthReader;
import bg.digiclub.agent.health.sampling.smart.SmartHealthSampler;

/**
 * Samples this machine for real. Which sensors a Linux machine has is read from {@code /sys}
 * independently of OSHI, so the test also holds on a laptop with sensors and a battery.
 */
@EnabledOnOs(OS.LINUX)
class OshiHealthSamplerLiveTest {

    /** One OSHI entry point for all tests, the one the agent uses. */
    private static SystemInfoProvider systemInfo;

    @BeforeAll
    static void quietOshiThenStartIt() {
        QuietOshi.apply();
        systemInfo = PlatformReaders.systemInfo();
    }

    private static OshiHealthSampler sampler() {
        return new OshiHealthSampler(systemInfo, Clock.systemUTC(), SamplingTtls.DEFAULTS);
    }

    @Test
    void secondSampleHasSaneCoreMetrics() {
        OshiHealthSampler sampler = sampler();
        HealthSample first = sampler.sample();
        letCountersAdvance();
        HealthSample second = sampler.sample();

        assertFalse(first.metrics().containsKey(Metric.CPU_LOAD_PCT), "no CPU load without previous ticks");
        double load = second.metric(Metric.CPU_LOAD_PCT).orElseThrow();
        assertTrue(load >= 0 && load <= 100, "cpu load " + load);
        double memUsed = second.metric(Metric.MEM_USED_PCT).orElseThrow();
        assertTrue(memUsed > 0 && memUsed < 100, "memory used " + memUsed);
        assertTrue(second.metric(Metric.MEM_TOTAL_BYTES).orElseThrow() > 0);
        assertTrue(second.metric(Metric.UPTIME_S).orElseThrow() > 0);
        assertTrue(second.metric(Metric.BOOT_EPOCH_S).orElseThrow() > 1.5e9);
        assertTrue(second.metric(Metric.PROCESS_COUNT).orElseThrow() > 0);
        assertTrue(second.metrics().containsKey(Metric.SWAP_TOTAL_BYTES));
        for (HealthSample s : List.of(first, second)) {
            s.metrics().forEach((name, value) -> assertTrue(Double.isFinite(value), name + " = " + value));
        }
    }

    @Test
    void rootFileSystemIsMeasuredAndPseudoFileSystemsAreNot() {
        HealthSample sample = sampler().sample();
        List<String> freePct = sample.metrics().keySet().stream()
                .filter(k -> k.startsWith("fs.") && k.endsWith(".free_pct"))
                .toList();
        assertFalse(
                freePct.isEmpty(),
                "no file system measured: " + sample.metrics().keySet());
        for (String key : freePct) {
            double pct = sample.metrics().get(key);
            assertTrue(pct >= 0 && pct <= 100, key + " = " + pct);
        }
        assertTrue(freePct.contains(Metric.fsFreePct("/")), "root file system missing from " + freePct);
        for (String pseudo : List.of("/proc", "/sys", "/dev", "/dev/shm", "/sys/fs/cgroup")) {
            assertFalse(sample.metrics().containsKey(Metric.fsFreePct(pseudo)), pseudo + " was measured");
        }
    }

    @Test
    void sensorsAndBatteryThisMachineLacksAreAbsentNotZero() throws IOException {
        HealthSample sample = sampler().sample();
        Map<String, Double> m = sample.metrics();
        if (!hasEntries(Path.of("/sys/class/hwmon"))) {
            assertFalse(m.containsKey(Metric.CPU_TEMPERATURE_C), "temperature without hwmon: " + m);
            assertFalse(m.containsKey(Metric.CPU_VOLTAGE_V), "voltage without hwmon: " + m);
            assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("fan.")), "fans without hwmon: " + m);
        }
        if (!hasBattery()) {
            assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("battery.")), "battery metrics: " + m);
        }
        for (String k : m.keySet()) {
            if (k.startsWith("fan.") || k.equals(Metric.CPU_TEMPERATURE_C) || k.equals(Metric.CPU_VOLTAGE_V)) {
                assertTrue(m.get(k) > 0, k + " reads " + m.get(k));
            }
        }
    }

    @Test
    void networkAndDiskRatesAppearFromTheSecondSampleAndLoopbackNever() {
        OshiHealthSampler sampler = sampler();
        HealthSample first = sampler.sample();
        letCountersAdvance();
        HealthSample second = sampler.sample();
        assertTrue(first.metrics().keySet().stream().noneMatch(k -> k.endsWith("_bps")), "rates in first sample");
        assertTrue(second.metrics().keySet().stream().noneMatch(k -> k.startsWith("net.lo.")), "loopback measured");
        boolean hasNetwork = first.metrics().keySet().stream().anyMatch(k -> k.startsWith("net.") && k.endsWith(".up"));
        if (hasNetwork) {
            assertTrue(second.metrics().keySet().stream().anyMatch(k -> k.endsWith(".rx_bps")), "no rx rate");
        }
        second.metrics().entrySet().stream()
                .filter(e -> e.getKey().endsWith("_bps"))
                .forEach(e -> assertTrue(e.getValue() >= 0, e.getKey() + " = " + e.getValue()));
    }

    @Test
    void topProcessListsHoldAtMostFiveAndIncludeThisJvmSomewhere() {
        OshiHealthSampler sampler = sampler();
        sampler.sample();
        letCountersAdvance();
        HealthSample sample = sampler.sample();
        assertTrue(sample.topByCpu().size() <= OshiHealthSampler.TOP_PROCESSES);
        assertEquals(
                Math.min(5, (int) sample.metric(Metric.PROCESS_COUNT).orElseThrow()),
                sample.topByMemory().size());
        sample.topByCpu().forEach(p -> assertTrue(p.cpuPercent() >= 0 && p.cpuPercent() <= 100, p.toString()));
        for (int i = 1; i < sample.topByMemory().size(); i++) {
            assertTrue(sample.topByMemory().get(i - 1).residentBytes()
                    >= sample.topByMemory().get(i).residentBytes());
        }
    }

    @Test
    void workerRunsTheRealSamplersAsTheAgentWiresThem() {
        Clock clock = Clock.systemUTC();
        try (SamplingWorker worker = new SamplingWorker(
                () -> new SmartHealthSampler(
                        new OshiHealthSampler(systemInfo, clock, SamplingTtls.DEFAULTS),
                        SmartHealthReader.fromPath(
                                clock, SmartHealthReader.DEFAULT_TTL, SmartHealthReader.DEFAULT_COMMAND_TIMEOUT)),
                Duration.ofSeconds(60),
                clock)) {
            SampleOutcome first = worker.sample();
            letCountersAdvance();
            SampleOutcome second = worker.sample();
            assertInstanceOf(SampleOutcome.Sampled.class, first);
            HealthSample sample =
                    assertInstanceOf(SampleOutcome.Sampled.class, second).sample();
            assertTrue(sample.metrics().containsKey(Metric.CPU_LOAD_PCT), "ticks kept between samples on one thread");
            assertEquals(Optional.of(sample), worker.latestGood());
        }
    }

    /**
     * Not a limit, a figure for the lead: CPU time of one sample on the sampling thread after warm-up.
     * Goal (issue 2): a few milliseconds, at most half of node_exporter's ~16 ms per scrape.
     */
    @Test
    void reportsCpuTimePerSample() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // processes listed in every sample: the figure is for a full sample (the agent lists them every 30 s)
        SamplingTtls d = SamplingTtls.DEFAULTS;
        OshiHealthSampler sampler = new OshiHealthSampler(
                systemInfo,
                Clock.systemUTC(),
                new SamplingTtls(d.fileStoreList(), d.diskList(), d.networkList(), d.sensors(), Duration.ZERO));
        for (int i = 0; i < 20; i++) {
            sampler.sample();
        }
        int runs = 50;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long before = threads.getCurrentThreadCpuTime();
            sampler.sample();
            nanos[i] = threads.getCurrentThreadCpuTime() - before;
        }
        Arrays.sort(nanos);
        double medianMs = nanos[runs / 2] / 1e6;
        double p95Ms = nanos[(int) (runs * 0.95)] / 1e6;
        System.out.printf(
                "OshiHealthSampler CPU time per sample over %d samples after warm-up: median %.2f ms,"
                        + " p95 %.2f ms, max %.2f ms (%d processes)%n",
                runs, medianMs, p95Ms, nanos[runs - 1] / 1e6, (long)
                        sampler.sample().metric(Metric.PROCESS_COUNT).orElse(0));
        assertTrue(nanos[runs / 2] > 0, "thread CPU time is measurable");
    }

    /**
     * Lets the machine's counters move on between two samples. OSHI keeps CPU ticks for 300 ms
     * (its default memoizer expiration), so two samples closer than that see the same ticks and
     * rightly report no CPU load. Nothing here asserts on time.
     */
    private static void letCountersAdvance() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static boolean hasBattery() throws IOException {
        Path supplies = Path.of("/sys/class/power_supply");
        if (!Files.isDirectory(supplies)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(supplies)) {
            return entries.anyMatch(p -> {
                try {
                    return "Battery".equals(Files.readString(p.resolve("type")).trim());
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
