package bg.digiclub.agent.health.sampling.procfs;

import java.nio.file.Path;

import bg.digiclub.agent.health.sampling.SystemCounters;

/**
 * CPU time, memory and uptime from Linux's {@code /proc/stat}, {@code /proc/meminfo} and
 * {@code /proc/uptime}: three small files, kept open ({@link ProcFile}), each read once per sample
 * and searched for the few lines needed. OSHI reads {@code /proc/meminfo} twice per sample (memory,
 * then swap) and splits every line of it with a regular expression, code the JIT compiles only after
 * many samples.
 */
public final class ProcfsSystemCounters implements SystemCounters {
    private final ProcFile stat;
    private final ProcFile meminfo;
    private final ProcFile uptime;
    /** The boot time from the last read of {@code /proc/stat}, which holds it too. */
    private long bootTime = UNKNOWN;

    /** @param proc normally {@code /proc} */
    public ProcfsSystemCounters(Path proc) {
        this.stat = new ProcFile(proc.resolve("stat"));
        this.meminfo = new ProcFile(proc.resolve("meminfo"));
        this.uptime = new ProcFile(proc.resolve("uptime"));
    }

    @Override
    public CpuTime cpuTime() {
        String text = stat.read();
        bootTime = parseBootTime(text);
        return parseCpuTime(text);
    }

    @Override
    public Memory memory() {
        return parseMeminfo(meminfo.read());
    }

    /** The boot time is the one {@code /proc/stat} gave at the last {@link #cpuTime()}: that file is read once per sample. */
    @Override
    public Uptime uptime() {
        if (bootTime == UNKNOWN) {
            bootTime = parseBootTime(stat.read());
        }
        return new Uptime(parseUptimeSeconds(uptime.read()), bootTime);
    }

    /**
     * The first line of {@code /proc/stat}: "cpu user nice system idle iowait irq softirq steal
     * guest guest_nice". Guest time is already counted in user time, so only the first eight count;
     * idle and iowait are not busy (OSHI's formula).
     */
    static CpuTime parseCpuTime(String text) {
        if (!text.startsWith("cpu ")) {
            throw new IllegalArgumentException("/proc/stat does not start with the cpu line");
        }
        int end = text.indexOf('\n');
        String[] f = ProcFields.of(end < 0 ? text : text.substring(0, end));
        if (f.length < 5) {
            throw new IllegalArgumentException("/proc/stat's cpu line has " + (f.length - 1) + " fields");
        }
        long total = 0;
        long idle = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            long ticks = Long.parseLong(f[i]);
            total += ticks;
            if (i == 4 || i == 5) {
                idle += ticks;
            }
        }
        return new CpuTime(total - idle, total);
    }

    /** "btime SECONDS" of {@code /proc/stat}; {@link #UNKNOWN} if absent. */
    static long parseBootTime(String text) {
        return number(text, "btime ");
    }

    /** Memory and swap from {@code /proc/meminfo}, whose sizes are in KiB ("kB"). */
    static Memory parseMeminfo(String text) {
        long total = kib(number(text, "MemTotal:"));
        long available = kib(number(text, "MemAvailable:"));
        if (available == UNKNOWN && total != UNKNOWN) {
            // Kernels before 3.14 have no MemAvailable: free plus page cache is the closest.
            long free = kib(number(text, "MemFree:"));
            long cached = kib(number(text, "Cached:"));
            available = free == UNKNOWN ? UNKNOWN : free + Math.max(0, cached);
        }
        long swapTotal = kib(number(text, "SwapTotal:"));
        long swapFree = kib(number(text, "SwapFree:"));
        long swapUsed = swapTotal > 0 && swapFree != UNKNOWN ? Math.max(0, swapTotal - swapFree) : UNKNOWN;
        return new Memory(
                total > 0 ? total : UNKNOWN, total > 0 ? available : UNKNOWN, Math.max(0, swapTotal), swapUsed);
    }

    /**
     * Whole seconds since boot from {@code /proc/uptime} ("354.72 690.31"), read as the process
     * table reads it; {@link #UNKNOWN} if the file does not start with a number.
     */
    static long parseUptimeSeconds(String text) {
        try {
            return ProcfsProcessTable.parseUptimeMillis(text) / 1000;
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The number after {@code key} at the start of a line; {@link #UNKNOWN} if there is no such line. */
    private static long number(String text, String key) {
        int at = text.startsWith(key) ? 0 : text.indexOf("\n" + key);
        if (at < 0) {
            return UNKNOWN;
        }
        int i = at == 0 ? key.length() : at + 1 + key.length();
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return i == start ? UNKNOWN : value;
    }

    private static long kib(long value) {
        return value == UNKNOWN ? UNKNOWN : value * 1024;
    }
}
