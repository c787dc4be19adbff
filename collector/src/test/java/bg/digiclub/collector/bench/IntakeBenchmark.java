package bg.digiclub.collector.bench;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.SyntheticBatches;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.store.Enrolled;
import bg.digiclub.collector.testing.Http;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HealthPayload;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.health.HealthStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake rate: {@code --devices} PCs upload concurrently over real HTTP (one kept-alive
 * connection each, gzip bodies, bearer tokens) to a real collector; every {@code --usage-every}-th
 * batch is a day of usage, the others 15-minute health batches, as after an outage. The first
 * {@code --warm-up} batches of every device are sent first and not counted. CPU is reported per
 * thread group, so the collector's share can be told from the load generator's.
 *
 * <p>Options: {@code --store sqlite|postgresql} (default sqlite), {@code --jdbc URL},
 * {@code --devices 50}, {@code --batches-per-device 600}, {@code --warm-up 300},
 * {@code --usage-every 10}.
 */
public final class IntakeBenchmark {
    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String store = option(args, "--store", "sqlite");
        String jdbc = option(args, "--jdbc", System.getenv("TEST_JDBC_URL"));
        int devices = Integer.parseInt(option(args, "--devices", "50"));
        int perDevice = Integer.parseInt(option(args, "--batches-per-device", "600"));
        int warmUp = Integer.parseInt(option(args, "--warm-up", "300"));
        int usageEvery = Integer.parseInt(option(args, "--usage-every", "10"));
        Path dir = Files.createTempDirectory("digiclub-intake-bench");
        ObjectMapper json = StrictJson.mapper();
        try (Database db = BenchDatabases.open(store, jdbc, dir)) {
            ClubStore clubs = new ClubStore(db);
            Instant now = Instant.now();
            Club club = new Club("bench-club", "Bench club", "Стара Загора", DemoClubs.SOFIA);
            clubs.saveClub(club, now);
            clubs.addEnrolmentCode(club.id(), Secrets.hashCode("BENC-H000-0000"), now.plus(Duration.ofHours(1)), devices, now);
            List<String> tokens = new ArrayList<>();
            List<List<byte[][]>> bodies = new ArrayList<>();
            Secrets secrets = new Secrets();
            SyntheticBatches synthetic = new SyntheticBatches(new Random(1), "0.1.0");
            long wireBytes = 0;
            for (int d = 0; d < devices; d++) {
                String token = secrets.newToken();
                // enrolled before the synthetic days begin: the collector refuses periods before enrolment
                Enrolled pc = clubs.enrol(Secrets.hashCode("BENC-H000-0000"), Secrets.hashToken(token), "0.1.0", null,
                        Instant.parse("2024-12-31T00:00:00Z")).orElseThrow();
                tokens.add(token);
                List<byte[][]> mine = new ArrayList<>();
                LocalDate firstDay = LocalDate.parse("2025-01-01");
                Instant firstHealth = Instant.parse("2025-01-01T08:00:00Z");
                for (int i = 0; i < perDevice; i++) {
                    Batch batch = i % usageEvery == 0
                            ? synthetic.usage(pc.deviceId(), club.id(), DemoClubs.SOFIA, firstDay.plusDays(i / usageEvery), 1,
                                    i + 1, 1.0)
                            : health(pc.deviceId(), club.id(), firstHealth.plus(Duration.ofMinutes(15L * i)), i + 1);
                    byte[] gz = Http.gzip(json.writeValueAsBytes(batch));
                    wireBytes += gz.length;
                    mine.add(new byte[][] {batch.batchId().toString().getBytes(), gz});
                }
                bodies.add(mine);
            }
            ServerSettings settings = ServerSettings.defaults("127.0.0.1", 0).withRate(1_000_000, 1_000_000);
            try (CollectorServer server = CollectorServer.start(settings, db, Clock.systemUTC())) {
                int port = server.port();
                List<List<byte[]>> requests = new ArrayList<>();
                for (int d = 0; d < devices; d++) {
                    List<byte[]> mine = new ArrayList<>();
                    for (byte[][] b : bodies.get(d)) {
                        mine.add(LoadConnection.batchRequest(port, tokens.get(d), new String(b[0]), b[1]));
                    }
                    requests.add(mine);
                }
                // the first batches of every device warm the collector up (class loading, JIT);
                // the figures are of the rest, as for a collector that has been running
                Round warm = run(port, requests, 0, warmUp);
                Round measured = run(port, requests, warmUp, perDevice);
                long stored = count(db, "SELECT COUNT(*) FROM batches");
                int total = devices * (perDevice - warmUp);
                double collectorMs = measured.cpuMsExcept("load generator");
                System.out.printf("intake benchmark: store=%s devices=%d batches=%d after %d warm-up batches (usage every %d);"
                        + " failures=%d stored=%d of %d%n", store, devices, total, devices * warmUp, usageEvery,
                        warm.failures + measured.failures, stored, devices * perDevice);
                System.out.printf("  %.0f batches/s over %.2f s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        total / measured.seconds, measured.seconds, measured.latency(0.5), measured.latency(0.99),
                        measured.latency(1.0));
                System.out.printf("  CPU per batch: %.3f ms in this JVM, of which %.3f ms the collector and %.3f ms the load"
                        + " generator%n", measured.cpuMs() / total, collectorMs / total,
                        measured.cpuMs.getOrDefault("load generator", 0.0) / total);
                measured.cpuMs.forEach((group, ms) -> System.out.printf("    %-26s %.3f ms%n", group, ms / total));
                if (store.equals("postgresql")) {
                    System.out.printf("  PostgreSQL's processes: %.3f ms per batch (0 if the server is elsewhere)%n",
                            measured.postgresMs / total);
                }
                System.out.printf("  mean gzip body %.0f bytes; cores %d; load average before: %s; after: %s%n",
                        (double) wireBytes / (devices * perDevice), Runtime.getRuntime().availableProcessors(),
                        measured.loadBefore, measured.loadAfter);
            }
        }
    }

    /** Every device sends its batches {@code from} to {@code to} as fast as the collector answers. */
    private static Round run(int port, List<List<byte[]>> requests, int from, int to) throws Exception {
        int devices = requests.size();
        int each = to - from;
        long[] latencies = new long[devices * each];
        AtomicLong failures = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(devices);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            int device = d;
            Thread thread = new Thread(() -> {
                try (LoadConnection connection = new LoadConnection(port)) {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        long t0 = System.nanoTime();
                        LoadConnection.Answer answer = connection.send(requests.get(device).get(from + i));
                        latencies[device * each + i] = System.nanoTime() - t0;
                        if (answer.status() != 200 || answer.replayed()) {
                            failures.incrementAndGet();
                            System.err.println(answer.status() + " " + answer.body());
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
                // stay alive until the CPU is read: an ended thread's CPU is no longer in /proc
                finished.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-device-" + d);
            thread.start();
            threads.add(thread);
        }
        Round round = new Round();
        round.loadBefore = BenchDatabases.load();
        Map<String, Long> cpu0 = ThreadCpu.read();
        long postgres0 = ThreadCpu.postgresNanos();
        long t0 = System.nanoTime();
        start.countDown();
        finished.await();
        round.seconds = (System.nanoTime() - t0) / 1e9;
        ThreadCpu.since(cpu0).forEach((group, nanos) -> round.cpuMs.put(group, nanos / 1e6));
        round.postgresMs = (ThreadCpu.postgresNanos() - postgres0) / 1e6;
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        round.loadAfter = BenchDatabases.load();
        round.failures = failures.get();
        Arrays.sort(latencies);
        round.latencies = latencies;
        return round;
    }

    /** The figures of one round. */
    private static final class Round {
        final Map<String, Double> cpuMs = new TreeMap<>();
        double seconds;
        double postgresMs;
        long failures;
        long[] latencies;
        String loadBefore;
        String loadAfter;

        double cpuMs() {
            return cpuMs.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double cpuMsExcept(String group) {
            return cpuMs() - cpuMs.getOrDefault(group, 0.0);
        }

        double latency(double quantile) {
            return latencies[Math.min(latencies.length - 1, (int) (latencies.length * quantile))] / 1e6;
        }
    }

    private static Batch health(UUID deviceId, String clubId, Instant at, long sequence) {
        HealthSnapshot snapshot = new HealthSnapshot(at, HealthStatus.OK, List.of(new CheckStatus("disk:/", HealthStatus.OK),
                new CheckStatus("cpu-temperature", HealthStatus.OK), new CheckStatus("memory", HealthStatus.OK),
                new CheckStatus("battery", HealthStatus.UNKNOWN)));
        return Batch.health(UUID.randomUUID(), deviceId, clubId, "0.1.0", "Europe/Sofia", at, at.plus(Duration.ofMinutes(15)),
                sequence, Evictions.NONE, new HealthPayload(List.of(snapshot), List.of()));
    }

    static long count(Database db, String sql) throws Exception {
        return db.read(c -> {
            try (var s = c.prepareStatement(sql); var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
