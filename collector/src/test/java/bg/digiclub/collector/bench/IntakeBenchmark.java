package bg.digiclub.collector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

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

/**
 * Intake rate: {@code --devices} PCs upload concurrently over real HTTP (one kept-alive
 * connection each, gzip bodies, bearer tokens) to a real collector; every {@code --usage-every}-th
 * batch is a day of usage, the others 15-minute health batches, as after an outage.
 *
 * <p>Two phases. The warm-up sends batches for {@code --warm-up-seconds} and is not measured: the
 * collector's code is loaded and compiled by the JIT meanwhile (a collector that has run for a
 * while); it goes in rounds of about 3 s, whose rates show the JIT at work. The measured window
 * then sends, as fast as the collector answers, as many batches as the last warm-up round's rate
 * fills in {@code --seconds}. Every batch is made before its round starts, so that the load
 * generator only writes and reads. CPU is reported per thread group, so the collector's share can
 * be told from the load generator's, and the rate per 5 s slice of the window shows whether it
 * was steady.
 *
 * <p>Options: {@code --store sqlite|postgresql} (default sqlite), {@code --jdbc URL},
 * {@code --devices 50}, {@code --warm-up-seconds 30}, {@code --seconds 30}, {@code --usage-every 10}.
 */
public final class IntakeBenchmark {
    private static final String CODE = "BENC-H000-0000";
    private static final long SLICE_NANOS = 5_000_000_000L;
    private static final int WARM_UP_ROUND_SECONDS = 3;

    private IntakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        String store = option(args, "--store", "sqlite");
        String jdbc = option(args, "--jdbc", System.getenv("TEST_JDBC_URL"));
        int devices = positive(args, "--devices", "50");
        int warmUpSeconds = positive(args, "--warm-up-seconds", "30");
        int seconds = positive(args, "--seconds", "30");
        int usageEvery = positive(args, "--usage-every", "10");
        Path dir = Files.createTempDirectory("digiclub-intake-bench");
        try (Database db = BenchDatabases.open(store, jdbc, dir)) {
            List<Device> pcs = enrol(db, devices, usageEvery);
            ServerSettings settings = ServerSettings.defaults("127.0.0.1", 0).withRate(1_000_000, 1_000_000);
            try (CollectorServer server = CollectorServer.start(settings, db, Clock.systemUTC())) {
                int port = server.port();
                WarmUp warm = warmUp(port, pcs, warmUpSeconds);
                // enough batches for the measured window at the rate the warm-up ended with
                int each = (int) Math.max(20, Math.ceil(warm.endRate() * seconds / devices));
                List<List<byte[]>> requests = prepare(pcs, port, each);
                Round measured = measure(port, requests);
                long stored = count(db, "SELECT COUNT(*) FROM batches");
                long sent = warm.sent + (long) devices * each;
                int total = devices * each;
                double collectorMs = measured.cpuMsExcept("load generator");
                long wireBytes = pcs.stream().mapToLong(pc -> pc.wireBytes).sum();
                System.out.printf(
                        "intake benchmark: store=%s devices=%d usage every %d; failures=%d stored=%d of %d%n",
                        store, devices, usageEvery, warm.failures + measured.failures, stored, sent);
                System.out.printf(
                        "  warm-up, not measured: %d batches in %.1f s of sending; batches/s per round: %s%n",
                        warm.sent, warm.seconds, warm.rates());
                System.out.printf(
                        "  measured: %d batches in %.2f s = %.0f batches/s (total batches / window)%n",
                        total, measured.seconds, total / measured.seconds);
                System.out.printf("  batches/s per 5 s slice of the window: %s%n", measured.sliceRates());
                Percentiles latency = Percentiles.of(measured.latencies);
                String p99 = latency.count() >= Percentiles.minimumCount(99)
                        ? String.format("%.1f ms", latency.percentile(99) / 1e6)
                        : "- (fewer than 100 batches)";
                System.out.printf(
                        "  latency per batch (send to answer): median %.1f ms, p99 %s, max %.1f ms%n",
                        latency.median() / 1e6, p99, latency.max() / 1e6);
                System.out.printf(
                        "  CPU per batch: %.3f ms in this JVM, of which %.3f ms the collector and %.3f ms the load"
                                + " generator%n",
                        measured.cpuMs() / total,
                        collectorMs / total,
                        measured.cpuMs.getOrDefault("load generator", 0.0) / total);
                measured.cpuMs.forEach((group, ms) -> System.out.printf("    %-26s %.3f ms%n", group, ms / total));
                if (store.equals("postgresql")) {
                    System.out.printf(
                            "  PostgreSQL's processes: %.3f ms per batch (0 if the server is elsewhere)%n",
                            measured.postgresMs / total);
                }
                System.out.printf(
                        "  mean gzip body %.0f bytes; cores %d; load average before: %s; after: %s%n",
                        (double) wireBytes / sent,
                        Runtime.getRuntime().availableProcessors(),
                        measured.loadBefore,
                        measured.loadAfter);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** The bench club, its enrolment code and {@code devices} PCs enrolled with it. */
    private static List<Device> enrol(Database db, int devices, int usageEvery) throws Exception {
        ClubStore clubs = new ClubStore(db);
        Instant now = Instant.now();
        Club club = new Club("bench-club", "Bench club", "Стара Загора", DemoClubs.SOFIA);
        clubs.saveClub(club, now);
        clubs.addEnrolmentCode(club.id(), Secrets.hashCode(CODE), now.plus(Duration.ofHours(1)), devices, now);
        Secrets secrets = new Secrets();
        List<Device> pcs = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String token = secrets.newToken();
            // enrolled before the synthetic periods: the collector refuses periods before enrolment
            Enrolled pc = clubs.enrol(
                            Secrets.hashCode(CODE),
                            Secrets.hashToken(token),
                            "0.1.0",
                            null,
                            Instant.parse("2000-01-01T00:00:00Z"))
                    .orElseThrow();
            pcs.add(new Device(
                    pc.deviceId(), club.id(), token, usageEvery, new SyntheticBatches(new Random(1 + d), "0.1.0")));
        }
        return pcs;
    }

    /**
     * One PC's batches, in order of sequence: the i-th is a day of usage every {@code usageEvery}-th
     * time, else a 15-minute health batch. Their periods go back in time from two days ago (the
     * collector refuses periods in the future, and a run's length is not known in advance), to at
     * most ~25 years back for 90,000 batches of a device. Used by one thread at a time.
     */
    private static final class Device {
        private static final ObjectMapper JSON = StrictJson.mapper();
        private static final LocalDate LAST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        private static final Instant LAST_HEALTH = LAST_DAY.atTime(8, 0).toInstant(ZoneOffset.UTC);

        final UUID id;
        final String clubId;
        final String token;
        final int usageEvery;
        final SyntheticBatches synthetic;
        int index;
        long wireBytes;

        Device(UUID id, String clubId, String token, int usageEvery, SyntheticBatches synthetic) {
            this.id = id;
            this.clubId = clubId;
            this.token = token;
            this.usageEvery = usageEvery;
            this.synthetic = synthetic;
        }

        /** The next batch as an HTTP request ready to write. */
        byte[] next(int port) throws IOException {
            int i = index++;
            Batch batch = i % usageEvery == 0
                    ? synthetic.usage(id, clubId, DemoClubs.SOFIA, LAST_DAY.minusDays(i / usageEvery), 1, i + 1, 1.0)
                    : health(id, clubId, LAST_HEALTH.minus(Duration.ofMinutes(15L * i)), i + 1);
            byte[] gz = Http.gzip(JSON.writeValueAsBytes(batch));
            wireBytes += gz.length;
            return LoadConnection.batchRequest(port, token, batch.batchId().toString(), gz);
        }
    }

    /** What the warm-up's rounds sent, in how long, at which rates (the last one the collector's warm rate). */
    private record WarmUp(long sent, double seconds, List<Double> roundRates, long failures) {
        double endRate() {
            return roundRates.get(roundRates.size() - 1);
        }

        String rates() {
            return roundRates.stream().map(r -> String.format("%.0f", r)).collect(Collectors.joining(" "));
        }
    }

    /**
     * Rounds of prepared batches, each about {@value #WARM_UP_ROUND_SECONDS} s of sending, until
     * {@code seconds} of sending have passed (the last round may go up to one round over). The batches are made between rounds, so the last
     * round's rate is the collector's alone, warm: the measured window is sized by it.
     */
    private static WarmUp warmUp(int port, List<Device> pcs, int seconds) throws Exception {
        long sent = 0;
        double sending = 0;
        long failures = 0;
        List<Double> rates = new ArrayList<>();
        int each = 20;
        while (sending < seconds) {
            Round round = measure(port, prepare(pcs, port, each));
            int total = pcs.size() * each;
            sent += total;
            sending += round.seconds;
            failures += round.failures;
            rates.add(total / round.seconds);
            each = (int) Math.max(20, Math.ceil(total / round.seconds * WARM_UP_ROUND_SECONDS / pcs.size()));
        }
        return new WarmUp(sent, sending, rates, failures);
    }

    /** Every device's next {@code each} batches, as requests ready to write. */
    private static List<List<byte[]>> prepare(List<Device> pcs, int port, int each) throws IOException {
        List<List<byte[]>> requests = new ArrayList<>();
        for (Device pc : pcs) {
            List<byte[]> mine = new ArrayList<>(each);
            for (int i = 0; i < each; i++) {
                mine.add(pc.next(port));
            }
            requests.add(mine);
        }
        return requests;
    }

    private static boolean accepted(LoadConnection.Answer answer) {
        if (answer.status() != 200 || answer.replayed()) {
            System.err.println(answer.status() + " " + answer.body());
            return false;
        }
        return true;
    }

    /** Every device sends its prepared batches as fast as the collector answers; timed, CPU per thread group. */
    private static Round measure(int port, List<List<byte[]>> requests) throws Exception {
        int devices = requests.size();
        int each = requests.get(0).size();
        long[] latencies = new long[devices * each];
        long[] answeredAt = new long[devices * each];
        AtomicLong failures = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(devices);
        CountDownLatch release = new CountDownLatch(1);
        long[] t0 = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            int device = d;
            Thread thread = new Thread(
                    () -> {
                        try (LoadConnection connection = new LoadConnection(port)) {
                            start.await();
                            for (int i = 0; i < each; i++) {
                                long sentAt = System.nanoTime();
                                LoadConnection.Answer answer =
                                        connection.send(requests.get(device).get(i));
                                long now = System.nanoTime();
                                latencies[device * each + i] = now - sentAt;
                                answeredAt[device * each + i] = now;
                                if (!accepted(answer)) {
                                    failures.incrementAndGet();
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
                    },
                    "bench-device-" + d);
            thread.start();
            threads.add(thread);
        }
        Round round = new Round();
        round.loadBefore = BenchDatabases.load();
        Map<String, Long> cpu0 = ThreadCpu.read();
        long postgres0 = ThreadCpu.postgresNanos();
        t0[0] = System.nanoTime();
        start.countDown();
        finished.await();
        round.seconds = (System.nanoTime() - t0[0]) / 1e9;
        ThreadCpu.since(cpu0).forEach((group, nanos) -> round.cpuMs.put(group, nanos / 1e6));
        round.postgresMs = (ThreadCpu.postgresNanos() - postgres0) / 1e6;
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        round.loadAfter = BenchDatabases.load();
        round.failures = failures.get();
        round.latencies = latencies;
        round.slices = new long[(int) ((long) (round.seconds * 1e9) / SLICE_NANOS) + 1];
        for (long at : answeredAt) {
            round.slices[(int) Math.min(round.slices.length - 1, (at - t0[0]) / SLICE_NANOS)]++;
        }
        return round;
    }

    /** The figures of the measured window. */
    private static final class Round {
        final Map<String, Double> cpuMs = new TreeMap<>();
        double seconds;
        double postgresMs;
        long failures;
        long[] latencies;
        long[] slices;
        String loadBefore;
        String loadAfter;

        double cpuMs() {
            return cpuMs.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double cpuMsExcept(String group) {
            return cpuMs() - cpuMs.getOrDefault(group, 0.0);
        }

        /** Batches answered per second in each whole 5 s slice; the last, shorter slice in brackets. */
        String sliceRates() {
            StringBuilder text = new StringBuilder();
            int whole = (int) (seconds * 1e9 / SLICE_NANOS);
            for (int i = 0; i < slices.length; i++) {
                double length = i < whole ? SLICE_NANOS / 1e9 : seconds - whole * SLICE_NANOS / 1e9;
                if (length <= 0) {
                    continue;
                }
                String rate = String.format("%.0f", slices[i] / length);
                text.append(text.length() == 0 ? "" : " ").append(i < whole ? rate : "(" + rate + ")");
            }
            return text.toString();
        }
    }

    private static Batch health(UUID deviceId, String clubId, Instant at, long sequence) {
        HealthSnapshot snapshot = new HealthSnapshot(
                at,
                HealthStatus.OK,
                List.of(
                        new CheckStatus("disk:/", HealthStatus.OK),
                        new CheckStatus("cpu-temperature", HealthStatus.OK),
                        new CheckStatus("memory", HealthStatus.OK),
                        new CheckStatus("battery", HealthStatus.UNKNOWN)));
        return Batch.health(
                UUID.randomUUID(),
                deviceId,
                clubId,
                "0.1.0",
                "Europe/Sofia",
                at,
                at.plus(Duration.ofMinutes(15)),
                sequence,
                Evictions.NONE,
                new HealthPayload(List.of(snapshot), List.of()));
    }

    static long count(Database db, String sql) throws Exception {
        return db.read(c -> {
            try (var s = c.prepareStatement(sql);
                    var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    static int positive(String[] args, String name, String fallback) {
        String text = option(args, name, fallback);
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number above 0 (was '" + text + "')");
    }

    /** Deletes a benchmark's temporary directory and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
