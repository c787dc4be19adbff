package bg.digiclub.collector.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * CPU time of this JVM's threads, summed by what they do, from {@code /proc/self/task}: the
 * request threads, the benchmark's load generator, garbage collection, the JIT compilers and
 * the rest. Threads that ended between two readings are missed, so only compare readings of
 * threads that live through the measurement (pools, not per-request threads). Linux only.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Nanoseconds of CPU per group, now. */
    static Map<String, Long> read() throws IOException {
        return read(Path.of("/proc/self/task"), ThreadCpu::group);
    }

    /**
     * Nanoseconds of CPU of another process's threads, now, per thread name without its number in
     * a pool ({@link #stem}): the pools of a program whose threads this class does not know by name.
     */
    static Map<String, Long> ofProcess(long pid) throws IOException {
        return read(Path.of("/proc", Long.toString(pid), "task"), ThreadCpu::stem);
    }

    private static Map<String, Long> read(Path taskDir, Function<String, String> grouping) throws IOException {
        Map<String, Long> groups = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long nanos = Long.parseLong(
                            Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    groups.merge(grouping.apply(name), nanos, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        }
        return groups;
    }

    /**
     * A thread's name without its number in a pool ({@code qtp12-34} and {@code qtp12-35}: {@code qtp12};
     * {@code GC Thread#1}: {@code GC Thread}), as far as the 15 characters the kernel keeps of a name show it.
     */
    static String stem(String threadName) {
        return threadName
                .replaceAll("([-#]\\d+)+$", "")
                .replaceAll("-\\d+-", "-")
                .strip();
    }

    /**
     * CPU time of every process named {@code postgres} on this machine (the server's backends
     * live as long as the connection pool's connections, so two readings can be compared).
     */
    static long postgresNanos() throws IOException {
        return postgresNanos(null);
    }

    /**
     * CPU time of the PostgreSQL server listening on {@code port} (its postmaster, started with
     * {@code -p port}, and the processes it started), or, with a null port, of every process named
     * {@code postgres} on this machine.
     */
    static long postgresNanos(Integer port) throws IOException {
        Map<Long, Long> parents = new TreeMap<>();
        Map<Long, Long> cpu = new TreeMap<>();
        Long postmaster = null;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (!Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    String stat = Files.readString(process.resolve("stat"));
                    parents.put(
                            pid,
                            Long.parseLong(
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]));
                    cpu.put(
                            pid,
                            Long.parseLong(Files.readString(process.resolve("schedstat"))
                                    .split(" ")[0]));
                    if (port != null
                            && Files.readString(process.resolve("cmdline")).contains("\0-p\0" + port + "\0")) {
                        postmaster = pid;
                    }
                } catch (IOException | RuntimeException ended) {
                    // the process ended while being read, or is not ours to read
                }
            }
        }
        long total = 0;
        for (Map.Entry<Long, Long> process : cpu.entrySet()) {
            long pid = process.getKey();
            if (port == null || (postmaster != null && (pid == postmaster || parents.get(pid) == (long) postmaster))) {
                total += process.getValue();
            }
        }
        return total;
    }

    /** Per group, the CPU used between two readings. */
    static Map<String, Long> since(Map<String, Long> before) throws IOException {
        Map<String, Long> now = read();
        now.replaceAll((group, nanos) -> nanos - before.getOrDefault(group, 0L));
        return now;
    }

    static String group(String threadName) {
        if (threadName.startsWith("bench-device")) {
            return "load generator";
        }
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
            return "garbage collector";
        }
        if (threadName.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (threadName.startsWith("JettyServerThr")) {
            return "collector request threads";
        }
        if (threadName.startsWith("digiclub-writer")) {
            return "collector writer";
        }
        return "other";
    }
}
