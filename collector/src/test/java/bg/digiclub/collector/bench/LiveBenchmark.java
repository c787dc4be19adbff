package bg.digiclub.collector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;

/**
 * The mentor's console at a national fleet's scale (issue 13): one collector, a process of its own
 * on PostgreSQL, holds {@code --pcs 5000} PCs' live connections ({@code /api/v1/live}), each PC
 * changing its state every {@code --state-seconds 30} (staggered) and pinging every
 * {@code --ping-seconds 20}, while staff issue {@code --commands-per-second 5} messages to random
 * PCs through the club page (signed-in form POSTs). The PCs live in this process
 * ({@link LiveFleet}: JDK WebSocket clients on a few threads); the database is the tests' embedded
 * PostgreSQL, or {@code --jdbc URL}.
 *
 * <p>After the connections are up, a warm-up of {@code --warm-up-seconds 60} (everything running,
 * nothing measured: the JIT compiles the collector's code), then the measured window of
 * {@code --seconds 120}. Figures: each command's delivery latency, from just before its POST is
 * sent to its PC having the frame, p50/p99/max of the window's commands; the POST's own answer
 * time; the collector's CPU in the window (seconds, and % of all cores: the fleet and PostgreSQL
 * share them), per thread pool; its resident memory and its heap after a full GC at the end.
 * {@code --collector-jvm "-Xmx512m ..."} gives the collector JVM options (default none, as the
 * systemd unit of docs/collector.md runs it).
 */
public final class LiveBenchmark {
    private LiveBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pcs = IntakeBenchmark.positive(args, "--pcs", "5000");
        int pcsPerClub = IntakeBenchmark.positive(args, "--pcs-per-club", "6");
        double rate = Double.parseDouble(IntakeBenchmark.option(args, "--commands-per-second", "5"));
        int warmUp = IntakeBenchmark.positive(args, "--warm-up-seconds", "60");
        int seconds = IntakeBenchmark.positive(args, "--seconds", "120");
        int stateSeconds = IntakeBenchmark.positive(args, "--state-seconds", "30");
        int pingSeconds = Integer.parseInt(IntakeBenchmark.option(args, "--ping-seconds", "20"));
        int clients = IntakeBenchmark.positive(args, "--clients", "4");
        int threads = IntakeBenchmark.positive(args, "--threads", "2");
        int concurrency = IntakeBenchmark.positive(args, "--connect-concurrency", "100");
        String jdbc = IntakeBenchmark.option(args, "--jdbc", System.getenv("TEST_JDBC_URL"));
        List<String> collectorJvm = words(IntakeBenchmark.option(args, "--collector-jvm", ""));
        if (!(rate > 0) || rate * seconds < Percentiles.minimumCount(99)) {
            throw new IllegalArgumentException("--commands-per-second x --seconds must reach "
                    + Percentiles.minimumCount(99) + " commands for a p99 that is not the maximum");
        }
        Path dir = Files.createTempDirectory("digiclub-live-bench");
        try {
            String url = jdbc != null ? jdbc : TestDatabases.url("postgresql", dir);
            System.out.printf(
                    "live benchmark: %d PCs in clubs of %d, a state change per PC every %d s, ping every %d s,"
                            + " %.1f commands/s; %d cores; load average %s%n",
                    pcs, pcsPerClub, stateSeconds, pingSeconds, rate, cores(), BenchDatabases.load());
            long t0 = System.nanoTime();
            List<BenchDevices.Device> devices;
            try (Database db = Database.open(url)) {
                devices = BenchDevices.enrol(db, pcs, pcsPerClub);
            }
            System.out.printf("  enrolled %d PCs in %.1f s%n", devices.size(), since(t0));
            // the embedded server's own processes; with --jdbc every postgres process of this machine
            Integer postgresPort = jdbc != null ? null : port(url);
            run(
                    devices,
                    url,
                    postgresPort,
                    collectorJvm,
                    dir,
                    new Settings(rate, warmUp, seconds, stateSeconds, pingSeconds, clients, threads, concurrency));
        } finally {
            IntakeBenchmark.deleteTree(dir);
        }
    }

    /** The options of one run. */
    private record Settings(
            double rate,
            int warmUp,
            int seconds,
            int stateSeconds,
            int pingSeconds,
            int clients,
            int threads,
            int concurrency) {}

    private static void run(
            List<BenchDevices.Device> devices,
            String url,
            Integer postgresPort,
            List<String> collectorJvm,
            Path dir,
            Settings s)
            throws Exception {
        // every PC comes from 127.0.0.1 here; a fleet comes from as many addresses as clubs
        List<String> serve = List.of("--max-connections-per-address", "0");
        int capacity = (int) Math.ceil(s.rate * (s.warmUp + s.seconds + 60)) + 100;
        Deliveries deliveries = new Deliveries(capacity);
        try (CollectorProcess collector =
                        CollectorProcess.start(url, collectorJvm, serve, dir.resolve("collector.log"));
                LiveFleet fleet = new LiveFleet(devices, collector.port(), s.clients, s.threads, deliveries)) {
            System.out.printf(
                    "  collector pid %d on port %d, JVM options: %s%n",
                    collector.pid(), collector.port(), collectorJvm.isEmpty() ? "none" : collectorJvm);
            long cpu0 = collector.cpuNanos();
            long t0 = System.nanoTime();
            int open = fleet.connectAll(s.concurrency);
            double connectSeconds = since(t0);
            System.out.printf(
                    "  connected %d of %d PCs in %.1f s (%d failed); collector CPU meanwhile %.1f s, RSS %s%n",
                    open,
                    devices.size(),
                    connectSeconds,
                    fleet.connectFailures.get(),
                    (collector.cpuNanos() - cpu0) / 1e9,
                    mib(collector.memory().rssBytes()));
            if (open == 0) {
                throw new IllegalStateException(
                        "no PC could connect: " + fleet.firstProblem() + "\ncollector log:\n" + collector.logTail(30));
            }
            fleet.startTraffic(Duration.ofSeconds(s.stateSeconds), Duration.ofSeconds(s.pingSeconds));
            StaffConsole staff = new StaffConsole(collector.port());
            staff.signIn(
                    BenchDevices.USERNAME, BenchDevices.PASSWORD, devices.get(0).clubId());
            CommandIssuer issuer = new CommandIssuer(staff, devices, deliveries);
            ScheduledExecutorService issuing = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-staff");
                t.setDaemon(true);
                return t;
            });
            issuing.scheduleAtFixedRate(issuer::issueOne, 0, (long) (1e9 / s.rate), TimeUnit.NANOSECONDS);
            TimeUnit.SECONDS.sleep(s.warmUp);

            MeasuredWindow window = MeasuredWindow.start(collector, deliveries, fleet, postgresPort);
            TimeUnit.SECONDS.sleep(s.seconds);
            window.end(collector, deliveries, fleet);
            issuing.shutdownNow();
            int first = window.firstCommand;
            int last = window.lastCommand;
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < drainUntil && !allDelivered(deliveries, first, last)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            CollectorProcess.Memory memory = collector.memory();
            CollectorProcess.Heap heap = collector.heapAfterGc();
            long collectorThreads = collector.threads();
            report(s, devices.size(), fleet, deliveries, issuer, window, memory, heap, collectorThreads);
            System.out.println(
                    "  the collector's commands table by state (every command of the run): " + commandStates(url));
            System.out.printf(
                    "  collector log: %d lines at WARN or ERROR%s%n",
                    collector.problemCount(),
                    collector.problems(5).stream().map(l -> "\n    " + l).reduce("", String::concat));
        }
    }

    private static void report(
            Settings s,
            int pcs,
            LiveFleet fleet,
            Deliveries deliveries,
            CommandIssuer issuer,
            MeasuredWindow window,
            CollectorProcess.Memory memory,
            CollectorProcess.Heap heap,
            long collectorThreads) {
        List<Long> latencies = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        int undelivered = 0;
        for (int n = window.firstCommand; n < window.lastCommand; n++) {
            long latency = deliveries.latency(n);
            if (latency < 0) {
                undelivered++;
            } else {
                latencies.add(latency);
            }
            long post = deliveries.postTime(n);
            if (post >= 0) {
                posts.add(post);
            }
        }
        int measured = window.lastCommand - window.firstCommand;
        System.out.printf(
                "  measured window %.1f s: %d commands issued, %d delivered, %d not delivered within 15 s after;"
                        + " %d POSTs refused; %d delivered twice%n",
                window.seconds,
                measured,
                latencies.size(),
                undelivered,
                issuer.refused.get(),
                deliveries.duplicates.get());
        if (issuer.firstRefusal.get() != null) {
            System.out.println("    first refusal: " + issuer.firstRefusal.get());
        }
        if (latencies.size() >= Percentiles.minimumCount(99)) {
            Percentiles delivery =
                    Percentiles.of(latencies.stream().mapToLong(Long::longValue).toArray());
            System.out.printf(
                    "  delivery latency (POST sent -> PC has the command): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    delivery.median() / 1e6, delivery.percentile(99) / 1e6, delivery.max() / 1e6);
        } else {
            System.out.printf("  delivery latency: too few commands delivered (%d) for a p99%n", latencies.size());
        }
        if (posts.size() >= Percentiles.minimumCount(99)) {
            Percentiles post =
                    Percentiles.of(posts.stream().mapToLong(Long::longValue).toArray());
            System.out.printf(
                    "  the dashboard's answer to the POST: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    post.median() / 1e6, post.percentile(99) / 1e6, post.max() / 1e6);
        }
        int cores = cores();
        System.out.printf(
                "  collector CPU in the window: %.1f s = %.1f %% of %d cores (%.1f %% of one core)%n",
                window.collectorCpu / 1e9,
                100 * window.collectorCpu / 1e9 / (window.seconds * cores),
                cores,
                100 * window.collectorCpu / 1e9 / window.seconds);
        window.collectorThreads.entrySet().stream()
                .filter(e -> e.getValue() >= 5_000_000)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %-22s %6.2f s%n", e.getKey(), e.getValue() / 1e9));
        System.out.printf(
                "  beside it in the window: the fleet (this JVM) %.1f s, PostgreSQL %.1f s (%s)%n",
                window.fleetCpu / 1e9,
                window.postgresCpu / 1e9,
                window.postgresPort != null
                        ? "the embedded server's processes"
                        : "every postgres process of this machine");
        System.out.printf(
                "  collector memory at the end: RSS %s (peak %s), heap after full GC %s (committed %s, max %s),"
                        + " %d threads%n",
                mib(memory.rssBytes()),
                mib(memory.peakRssBytes()),
                mib(heap.usedBytes()),
                mib(heap.committedBytes()),
                mib(heap.maxBytes()),
                collectorThreads);
        System.out.printf(
                "  fleet: %d of %d connected at the end, %d connections lost (and reopened), %d states sent"
                        + " (%.0f/s in the window), %d rooms and %d cards-changed received, %d unreadable frames,"
                        + " %d sends failed, %d commands not the benchmark's%n",
                fleet.open(),
                pcs,
                fleet.lost.get(),
                fleet.states.get(),
                (window.statesAfter - window.statesBefore) / window.seconds,
                fleet.rooms.get(),
                fleet.cardsChanged.get(),
                fleet.unreadable.get(),
                fleet.sendFailures.get(),
                deliveries.strangers.get());
        if (fleet.firstProblem() != null) {
            System.out.println("    first problem: " + fleet.firstProblem());
        }
        System.out.printf(
                "  load average at the end: %s (window began at %s)%n", BenchDatabases.load(), window.loadBefore);
    }

    /** How many of the run's commands the collector's table holds in each state (SENT: no answer yet). */
    private static Map<String, Long> commandStates(String url) throws SQLException {
        try (Database db = Database.open(url)) {
            return db.read(c -> {
                Map<String, Long> states = new TreeMap<>();
                try (PreparedStatement q =
                                c.prepareStatement("SELECT state, COUNT(*) FROM live_commands GROUP BY state");
                        ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        states.put(r.getString(1), r.getLong(2));
                    }
                }
                return states;
            });
        }
    }

    private static boolean allDelivered(Deliveries deliveries, int first, int last) {
        for (int n = first; n < last; n++) {
            if (!deliveries.delivered(n)) {
                return false;
            }
        }
        return true;
    }

    /** The port of a {@code jdbc:postgresql://host:port/...} URL. */
    private static Integer port(String url) {
        Matcher m = Pattern.compile("//[^/:]+:(\\d+)/").matcher(url);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
