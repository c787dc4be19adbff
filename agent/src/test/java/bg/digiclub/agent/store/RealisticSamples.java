package bg.digiclub.agent.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.Metric;

/**
 * Samples shaped like a club PC's: 45 metrics (CPU, memory, swap, two file systems, two disks,
 * two network interfaces, temperatures, fans, battery, uptime, process count) whose values move
 * like real ones — fractional percentages and rates, slowly filling disks, whole byte counts.
 * Deterministic: the same index gives the same sample, so a test can check what was stored.
 */
final class RealisticSamples {
    static final long GIB = 1L << 30;
    private static final String[] MOUNTS = {"/", "/home"};
    private static final String[] DISKS = {"sda", "sdb"};
    private static final String[] IFACES = {"enp3s0", "wlp2s0"};

    private RealisticSamples() {}

    /** Sample number {@code n}, taken at {@code at}. */
    static HealthSample sample(long n, Instant at) {
        Map<String, Double> m = new LinkedHashMap<>();
        double day = n / 2880.0;
        double wave = Math.sin(n / 40.0);
        double noise = noise(n);
        m.put(Metric.CPU_LOAD_PCT, round(Math.abs(12 + 30 * wave + 25 * noise), 1e-2));
        m.put(Metric.CPU_TEMPERATURE_C, round(48 + 10 * wave + 3 * noise, 0.125));
        m.put(Metric.CPU_VOLTAGE_V, round(1.1 + 0.05 * noise, 1e-3));
        m.put("cpu.package.temperature_c", round(51 + 10 * wave + 3 * noise, 0.125));
        m.put("gpu.temperature_c", round(44 + 4 * wave, 1));
        m.put("cpu.load_avg_1m", round(0.3 + 1.5 * noise * noise, 1e-2));
        m.put("cpu.freq_mhz", (double) (800 + 100 * Math.round(20 * noise)));
        m.put(Metric.fanRpm(1), (double) Math.round(1200 + 300 * wave));
        m.put(Metric.fanRpm(2), (double) Math.round(900 + 100 * noise));
        long memTotal = 8 * GIB;
        long memAvail = (long) (memTotal * (0.45 + 0.2 * wave + 0.05 * noise));
        m.put(Metric.MEM_TOTAL_BYTES, (double) memTotal);
        m.put(Metric.MEM_AVAILABLE_BYTES, (double) memAvail);
        m.put(Metric.MEM_USED_PCT, 100.0 * (memTotal - memAvail) / memTotal);
        m.put("mem.cached_bytes", (double) (long) (memTotal * (0.2 + 0.05 * wave)));
        long swapTotal = 2 * GIB;
        m.put(Metric.SWAP_TOTAL_BYTES, (double) swapTotal);
        m.put(Metric.SWAP_USED_PCT, 100.0 * (long) (swapTotal * (0.03 + 0.02 * noise)) / swapTotal);
        m.put(Metric.BATTERY_CHARGE_PCT, round(60 + 39 * Math.sin(n / 300.0), 1));
        m.put(Metric.BATTERY_HEALTH_PCT, 100.0 * 38_000 / 45_000 - day * 0.01);
        m.put(Metric.BATTERY_ON_AC, n % 500 < 450 ? 1.0 : 0.0);
        long uptime = (n % 20_160) * 30;
        m.put(Metric.UPTIME_S, (double) uptime);
        m.put(Metric.BOOT_EPOCH_S, (double) (at.getEpochSecond() - uptime));
        m.put(Metric.PROCESS_COUNT, (double) (180 + Math.round(20 * noise)));
        for (int i = 0; i < MOUNTS.length; i++) {
            long total = (i == 0 ? 120 : 350) * GIB;
            long free = (long) (total * (0.6 - 0.0005 * day - 0.001 * noise));
            m.put(Metric.fsTotalBytes(MOUNTS[i]), (double) total);
            m.put(Metric.fsFreeBytes(MOUNTS[i]), (double) free);
            m.put(Metric.fsFreePct(MOUNTS[i]), 100.0 * free / total);
            m.put("fs." + MOUNTS[i] + ".used_bytes", (double) (total - free));
        }
        for (String disk : DISKS) {
            m.put(Metric.diskReadBps(disk), Math.max(0, 250_000 * noise * noise + 1000 * wave) / 30.0 * 30 / 7);
            m.put(Metric.diskWriteBps(disk), Math.max(0, 90_000 * noise + 5000) / 3.0);
            m.put(Metric.diskSmartOk(disk), 1.0);
            m.put("disk." + disk + ".queue_len", round(Math.abs(noise), 0.01));
        }
        for (String iface : IFACES) {
            m.put(Metric.netUp(iface), 1.0);
            m.put(Metric.netRxBps(iface), Math.abs(40_000 * wave + 120_000 * noise) / 30.0);
            m.put(Metric.netTxBps(iface), Math.abs(8_000 * wave + 20_000 * noise) / 30.0);
            m.put("net." + iface + ".errors", (double) (n / 5000));
        }
        return new HealthSample(
                at,
                m,
                List.of(
                        new ProcessUsage(4242, "firefox-esr", 23.5, 812 * (1L << 20)),
                        new ProcessUsage(1001, "java", 2.25, 61 * (1L << 20))),
                List.of(new ProcessUsage(4242, "firefox-esr", 23.5, 812 * (1L << 20))));
    }

    /** A deterministic value in [0, 1) for {@code n}. */
    static double noise(long n) {
        long x = n * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return (x >>> 11) / (double) (1L << 53);
    }

    private static double round(double v, double step) {
        return Math.round(v / step) * step;
    }
}
