package bg.digiclub.collector.bench;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.SyntheticBatches;
import bg.digiclub.collector.intake.StrictJson;
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
import bg.digiclub.common.health.HealthStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake rate: {@code --devices} PCs upload concurrently over real HTTP (one connection each,
 * gzip bodies, bearer tokens) to a real collector; every {@code --usage-every}-th batch is a
 * day of usage, the others 15-minute health batches, as after an outage.
 *
 * <p>Options: {@code --store sqlite|postgresql} (default sqlite), {@code --jdbc URL},
 * {@code --devices 50}, {@code --batches-per-device 200}, {@code --usage-every 10}.
 */
public final class IntakeBenchmark {
    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String store = option(args, "--store", "sqlite");
        String jdbc = option(args, "--jdbc", System.getenv("TEST_JDBC_URL"));
        int devices = Integer.parseInt(option(args, "--devices", "50"));
        int perDevice = Integer.parseInt(option(args, "--batches-per-device", "200"));
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
                Enrolled pc = clubs.enrol(Secrets.hashCode("BENC-H000-0000"), Secrets.hashToken(token), "0.1.0", null, now)
                        .orElseThrow();
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
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/batches");
                warmUp(uri, tokens.get(0), bodies.get(0).get(0));
                long[] latencies = new long[devices * perDevice];
                AtomicLong failures = new AtomicLong();
                AtomicLong clientCpu = new AtomicLong();
                java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int d = 0; d < devices; d++) {
                    int device = d;
                    Thread thread = new Thread(() -> {
                        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                        try {
                            start.await();
                            for (int i = 0; i < perDevice; i++) {
                                byte[][] b = bodies.get(device).get(i);
                                long t0 = System.nanoTime();
                                HttpResponse<String> r = client.send(request(uri, tokens.get(device), b),
                                        HttpResponse.BodyHandlers.ofString());
                                latencies[device * perDevice + i] = System.nanoTime() - t0;
                                if (r.statusCode() != 200 || r.headers().firstValue("Idempotent-Replayed").isPresent()
                                        && i > 0) {
                                    failures.incrementAndGet();
                                    System.err.println(r.statusCode() + " " + r.body());
                                }
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            e.printStackTrace();
                        } finally {
                            clientCpu.addAndGet(threadsBean.getCurrentThreadCpuTime());
                        }
                    }, "bench-device-" + d);
                    thread.start();
                    threads.add(thread);
                }
                String loadBefore = BenchDatabases.load();
                long cpu0 = BenchDatabases.processCpuNanos();
                long t0 = System.nanoTime();
                start.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuMs = (BenchDatabases.processCpuNanos() - cpu0) / 1e6;
                // the java.net.http clients' own threads, to tell the server's share from theirs
                for (long id : threadsBean.getAllThreadIds()) {
                    java.lang.management.ThreadInfo info = threadsBean.getThreadInfo(id);
                    if (info != null && info.getThreadName().startsWith("HttpClient")) {
                        clientCpu.addAndGet(Math.max(0, threadsBean.getThreadCpuTime(id)));
                    }
                }
                double serverCpuMs = cpuMs - clientCpu.get() / 1e6;
                String loadAfter = BenchDatabases.load();
                long stored = count(db, "SELECT COUNT(*) FROM batches");
                Arrays.sort(latencies);
                int total = devices * perDevice;
                System.out.printf("intake benchmark: store=%s devices=%d batches=%d (usage every %d) failures=%d stored=%d%n",
                        store, devices, total, usageEvery, failures.get(), stored);
                System.out.printf("  %.0f batches/s over %.2f s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        total / seconds, seconds, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
                        latencies[total - 1] / 1e6);
                System.out.printf("  CPU per batch: %.2f ms the whole JVM, of which about %.2f ms the collector (the rest the"
                        + " benchmark's HTTP clients): the collector alone could take about %.0f batches/s on 2 idle"
                        + " cores%s%n", cpuMs / total, serverCpuMs / total, 2000 / (serverCpuMs / total),
                        store.equals("postgresql") ? " (PostgreSQL's own CPU not included)" : "");
                System.out.printf("  mean gzip body %.0f bytes; cores %d; load average before: %s; after: %s%n",
                        (double) wireBytes / total, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            }
        }
    }

    private static Batch health(UUID deviceId, String clubId, Instant at, long sequence) {
        HealthSnapshot snapshot = new HealthSnapshot(at, HealthStatus.OK, List.of(new CheckStatus("disk:/", HealthStatus.OK),
                new CheckStatus("cpu-temperature", HealthStatus.OK), new CheckStatus("memory", HealthStatus.OK),
                new CheckStatus("battery", HealthStatus.UNKNOWN)));
        return Batch.health(UUID.randomUUID(), deviceId, clubId, "0.1.0", "Europe/Sofia", at, at.plus(Duration.ofMinutes(15)),
                sequence, Evictions.NONE, new HealthPayload(List.of(snapshot), List.of()));
    }

    private static HttpRequest request(URI uri, String token, byte[][] body) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", new String(body[0])).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body[1])).build();
    }

    /** One request first, so that class loading and JIT of the first call are not in the figures. */
    private static void warmUp(URI uri, String token, byte[][] body) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            client.send(request(uri, token, body), HttpResponse.BodyHandlers.discarding());
        }
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
