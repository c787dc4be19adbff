package bg.digiclub.collector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collector running as a process of its own ({@code serve}, through {@link LiveBenchCollector}),
 * as a municipality runs it, so that its CPU and memory are its own and not the load generator's.
 * The database URL goes in the environment ({@code DIGICLUB_DB_URL}), not on the command line.
 * Its log (standard error) goes to a file; its CPU, resident memory and threads are read from
 * {@code /proc/<pid>} (Linux only).
 */
final class CollectorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");
    /** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private CollectorProcess(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readOutput, "bench-collector-output");
        reader.setDaemon(true);
        reader.start();
        this.port = awaitPort();
    }

    /**
     * Starts {@code serve} on a free loopback port with the benchmark's class path.
     *
     * @param jvmOptions the collector JVM's options (none: as the systemd unit of docs/collector.md runs it)
     * @param serveOptions more options of {@code serve}
     */
    static CollectorProcess start(String jdbcUrl, List<String> jvmOptions, List<String> serveOptions, Path log)
            throws IOException, InterruptedException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LiveBenchCollector.class.getName());
        command.addAll(List.of("serve", "--host", "127.0.0.1", "--port", "0"));
        command.addAll(serveOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("DIGICLUB_DB_URL", jdbcUrl);
        Process process = builder.start();
        // the benchmark ended however it ended (Ctrl+C, kill): the collector ends too, by force if its
        // own shutdown waits on the embedded PostgreSQL, which this JVM's shutdown stops at the same time
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, 5), "bench-collector-stop"));
        try {
            return new CollectorProcess(process, log);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void readOutput() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private int awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        throw new IOException("the collector did not start; its log:\n" + logTail(40));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** User + system CPU of every thread of the collector so far, also of threads that ended. */
    long cpuNanos() throws IOException {
        return cpuNanos(pid());
    }

    /** User + system CPU of every thread of a process so far, also of threads that ended. */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Resident memory now and its peak so far (VmRSS, VmHWM), in bytes. */
    Memory memory() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line) * 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line) * 1024;
            }
        }
        return new Memory(rss, peak);
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** CPU per thread group of the process now ({@link ThreadCpu#ofProcess}). */
    Map<String, Long> threadCpu() throws IOException {
        return ThreadCpu.ofProcess(pid());
    }

    /** How many threads the process has now. */
    long threads() throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            return tasks.count();
        }
    }

    /** Runs a full garbage collection in the collector and returns the heap it then uses. */
    Heap heapAfterGc() throws IOException, InterruptedException {
        OutputStream in = process.getOutputStream();
        in.write((LiveBenchCollector.HEAP + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(LiveBenchCollector.HEAP_ANSWER)) {
                String[] bytes =
                        line.substring(LiveBenchCollector.HEAP_ANSWER.length()).split(" ");
                return new Heap(Long.parseLong(bytes[0]), Long.parseLong(bytes[1]), Long.parseLong(bytes[2]));
            }
        }
        throw new IOException("the collector did not report its heap");
    }

    /** The log's lines at WARN or ERROR, the first {@code limit} of them, and how many there were. */
    List<String> problems(int limit) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .limit(limit)
                .toList();
    }

    long problemCount() throws IOException {
        return Files.readAllLines(log).stream()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .count();
    }

    String logTail(int count) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }

    @Override
    public void close() {
        stop(process, 30);
    }

    /** Asks the process to end (SIGTERM: the collector's own shutdown), and kills it after {@code seconds}. */
    private static void stop(Process process, int seconds) {
        process.destroy();
        try {
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    /** Resident memory, now and at its peak. */
    record Memory(long rssBytes, long peakRssBytes) {}

    /** The heap in use after a full collection, the heap committed and its maximum. */
    record Heap(long usedBytes, long committedBytes, long maxBytes) {}
}
