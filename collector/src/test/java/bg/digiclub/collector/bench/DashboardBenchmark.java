package bg.digiclub.collector.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.support.secret.SlowHash;

/**
 * Dashboard page times with a year of data for {@code --clubs 800} clubs of {@code --pcs 6} PCs.
 * The tables the pages read (club and device day aggregates, hours of day, demographic cells,
 * devices with their health, health days, a week of 15-minute health snapshots for the device
 * shown) are filled with synthetic rows of the shape intake writes; the raw per-device usage
 * tables, which no page reads, are left empty to keep generation short. The database is kept in
 * {@code --data-dir} (default {@code target/dashboard-bench}) and reused on the next run. Each
 * page is fetched over HTTP, signed in, 3 times to warm up and {@code --runs 100} times measured;
 * the figures per page are the median, the p95 (nearest rank: 5 of 100 fetches were slower) and
 * the maximum of those fetches, each from sending the request to the whole answer read.
 */
public final class DashboardBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final String PASSWORD = "benchmark password";

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        String store = IntakeBenchmark.option(args, "--store", "sqlite");
        String jdbc = IntakeBenchmark.option(args, "--jdbc", System.getenv("TEST_JDBC_URL"));
        int clubs = Integer.parseInt(IntakeBenchmark.option(args, "--clubs", "800"));
        int pcs = Integer.parseInt(IntakeBenchmark.option(args, "--pcs", "6"));
        int runs = IntakeBenchmark.positive(args, "--runs", "100");
        if (runs < Percentiles.minimumCount(95)) {
            throw new IllegalArgumentException("--runs must be at least " + Percentiles.minimumCount(95)
                    + " for a p95 that is not the maximum (was " + runs + ")");
        }
        Path dir = Path.of(IntakeBenchmark.option(args, "--data-dir", "target/dashboard-bench"));
        Files.createDirectories(dir);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Database db = BenchDatabases.open(store, jdbc, dir)) {
            long existing = IntakeBenchmark.count(db, "SELECT COUNT(*) FROM clubs");
            if (existing != clubs) {
                if (existing != 0) {
                    throw new IllegalStateException(dir + " holds " + existing + " clubs; delete it first");
                }
                long t0 = System.nanoTime();
                long rows = generate(db, clubs, pcs);
                System.out.printf("generated %d rows in %.0f s%n", rows, (System.nanoTime() - t0) / 1e9);
            }
            new UserStore(db, new SlowHash(SlowHash.MIN_ITERATIONS))
                    .save(new User("bench", Role.MUNICIPALITY, null), PASSWORD.toCharArray(), NOW);
            String device = db.read(c -> {
                try (var s = c.prepareStatement("SELECT id FROM devices WHERE club_id = 'club-0001' AND number = 1");
                        var r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            });
            try (CollectorServer server = CollectorServer.start(RunningCollector.SETTINGS, db, clock)) {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient client = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                HttpResponse<String> login = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("username=bench&password=benchmark+password"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookie =
                        login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("overview, last 30 days", "/");
                pages.put("overview, whole year", "/?from=2025-11-26&to=2026-11-25");
                pages.put("club page, last 30 days", "/clubs/club-0001");
                pages.put("club page, whole year", "/clubs/club-0001?from=2025-11-26&to=2026-11-25");
                pages.put("device page", "/devices/" + device);
                pages.put("CSV one club, whole year", "/export.csv?club=club-0001&from=2025-11-26&to=2026-11-25");
                pages.put("CSV all clubs, last 30 days", "/export.csv?club=all");
                System.out.printf(
                        "dashboard benchmark: store=%s clubs=%d pcs=%d, %d fetches per page after 3 unmeasured;"
                                + " load average %s%n",
                        store, clubs, pcs, runs, BenchDatabases.load());
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + page.getValue()))
                            .header("Cookie", cookie)
                            .GET()
                            .build();
                    long[] times = new long[runs];
                    int bytes = 0;
                    for (int i = 0; i < 3 + runs; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(page.getValue() + " answered " + response.statusCode());
                        }
                        bytes = response.body().length;
                        if (i >= 3) {
                            times[i - 3] = t;
                        }
                    }
                    Percentiles fetches = Percentiles.of(times);
                    System.out.printf(
                            "  %-28s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d KB)%n",
                            page.getKey(),
                            fetches.median() / 1e6,
                            fetches.percentile(95) / 1e6,
                            fetches.max() / 1e6,
                            bytes / 1024);
                }
                System.out.printf("  load average after: %s%n", BenchDatabases.load());
            }
        }
    }

    /** A year of rows for every club and PC, one transaction per club. */
    private static long generate(Database db, int clubs, int pcs) throws SQLException {
        Random random = new Random(2026);
        LocalDate last = LocalDate.parse("2026-11-24");
        LocalDate first = last.minusDays(364);
        long rows = 0;
        for (int k = 1; k <= clubs; k++) {
            String club = String.format("club-%04d", k);
            rows += db.write(c -> club(c, club, pcs, first, last, random));
            if (k % 100 == 0) {
                System.out.printf("  %d clubs, %d rows%n", k, rows);
            }
        }
        return rows;
    }

    private static long club(Connection c, String club, int pcs, LocalDate first, LocalDate last, Random random)
            throws SQLException {
        long rows = 0;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO clubs (id, name, place, time_zone, created_at) VALUES (?, ?, ?, 'Europe/Sofia', 0)")) {
            s.setString(1, club);
            s.setString(2, "НЧ „Клуб " + club.substring(5) + "“");
            s.setString(3, "с. Село " + club.substring(5));
            s.executeUpdate();
        }
        String[] devices = new String[pcs];
        try (PreparedStatement s = c.prepareStatement("INSERT INTO devices (id, club_id, number, token_hash, revoked, "
                + "agent_version, enrolled_at, last_seen_at, last_sequence, batches_received, health_at, health_overall, "
                + "health_checks) VALUES (?, ?, ?, ?, 0, '0.1.0', 0, ?, 1000, 1000, ?, ?, ?)")) {
            for (int p = 0; p < pcs; p++) {
                devices[p] = UUID.randomUUID().toString();
                s.setString(1, devices[p]);
                s.setString(2, club);
                s.setInt(3, p + 1);
                s.setString(4, UUID.randomUUID().toString());
                s.setLong(5, NOW.getEpochSecond() - random.nextInt(3600));
                s.setLong(6, NOW.getEpochSecond() - 900);
                String status = random.nextInt(20) == 0 ? "WARN" : "OK";
                s.setString(7, status);
                s.setString(
                        8,
                        "[{\"name\":\"disk:/\",\"status\":\"" + status
                                + "\"},{\"name\":\"memory\",\"status\":\"OK\"}]");
                s.addBatch();
            }
            s.executeBatch();
        }
        Map<Long, long[]> months = new java.util.TreeMap<>();
        try (PreparedStatement day = c.prepareStatement(
                        "INSERT INTO club_days (club_id, day, sessions, guest_sessions, "
                                + "member_sessions, session_minutes, powered_on_minutes, member_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement hour =
                        c.prepareStatement("INSERT INTO club_hours (club_id, day, hour_of_day, sessions, "
                                + "session_minutes) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement cell =
                        c.prepareStatement("INSERT INTO club_demographics (club_id, day, age_band, sex, "
                                + "sessions) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement deviceDay = c.prepareStatement("INSERT INTO device_days (device_id, day, club_id, "
                        + "sessions, session_minutes, powered_on_minutes) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement healthDay = c.prepareStatement(
                        "INSERT INTO health_days (device_id, day, worst, "
                                + "min_free_disk_percent, max_cpu_celsius, alert_count, uptime_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                    continue;
                }
                long epochDay = d.toEpochDay();
                int sessions = 0;
                int minutes = 0;
                for (int h = 9; h < 18; h++) {
                    int s = random.nextInt(4 * pcs);
                    sessions += s;
                    minutes += Math.min(60 * pcs, s * 30);
                    hour.setString(1, club);
                    hour.setLong(2, epochDay);
                    hour.setInt(3, h);
                    hour.setInt(4, s);
                    hour.setInt(5, Math.min(60 * pcs, s * 30));
                    hour.addBatch();
                    rows++;
                }
                int left = sessions;
                for (AgeBand band : AgeBand.values()) {
                    for (Sex sex : Sex.values()) {
                        if (left == 0 || random.nextInt(3) == 0) {
                            continue;
                        }
                        int n = Math.min(left, 1 + random.nextInt(Math.max(1, sessions / 6)));
                        left -= n;
                        cell.setString(1, club);
                        cell.setLong(2, epochDay);
                        cell.setString(3, band.name());
                        cell.setString(4, sex.name());
                        cell.setInt(5, n);
                        cell.addBatch();
                        rows++;
                    }
                }
                long[] month = months.computeIfAbsent(MonthKey.ofEpochDay(epochDay), k -> new long[6]);
                month[0] += sessions;
                month[1] += sessions * 6 / 10;
                month[2] += sessions - sessions * 6 / 10;
                month[3] += minutes;
                month[4] += 540L * pcs;
                month[5] += sessions / 3;
                day.setString(1, club);
                day.setLong(2, epochDay);
                day.setInt(3, sessions);
                day.setInt(4, sessions * 6 / 10);
                day.setInt(5, sessions - sessions * 6 / 10);
                day.setInt(6, minutes);
                day.setInt(7, 540 * pcs);
                day.setInt(8, sessions / 3);
                day.addBatch();
                rows++;
                for (String device : devices) {
                    deviceDay.setString(1, device);
                    deviceDay.setLong(2, epochDay);
                    deviceDay.setString(3, club);
                    deviceDay.setInt(4, sessions / pcs);
                    deviceDay.setInt(5, minutes / pcs);
                    deviceDay.setInt(6, 540);
                    deviceDay.addBatch();
                    healthDay.setString(1, device);
                    healthDay.setLong(2, epochDay);
                    healthDay.setString(
                            3, "[{\"name\":\"disk:/\",\"status\":\"OK\"},{\"name\":\"memory\",\"status\":\"OK\"}]");
                    healthDay.setDouble(4, 20 + random.nextInt(60));
                    healthDay.setDouble(5, 45 + random.nextInt(30));
                    healthDay.setInt(6, 0);
                    healthDay.setInt(7, 540);
                    healthDay.addBatch();
                    rows += 2;
                }
            }
            day.executeBatch();
            hour.executeBatch();
            cell.executeBatch();
            deviceDay.executeBatch();
            healthDay.executeBatch();
        }
        try (PreparedStatement month = c.prepareStatement("INSERT INTO club_months (club_id, month, sessions, "
                + "guest_sessions, member_sessions, session_minutes, powered_on_minutes, member_days) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, long[]> m : months.entrySet()) {
                month.setString(1, club);
                month.setLong(2, m.getKey());
                for (int i = 0; i < 6; i++) {
                    month.setLong(3 + i, m.getValue()[i]);
                }
                month.addBatch();
                rows++;
            }
            month.executeBatch();
        }
        try (PreparedStatement snapshot = c.prepareStatement(
                "INSERT INTO health_snapshots (device_id, at, overall, checks) VALUES (?, ?, ?, ?)")) {
            for (String device : devices) {
                for (long at = NOW.getEpochSecond() - 7 * 86400L; at < NOW.getEpochSecond(); at += 900) {
                    long hourOfDay = (at / 3600 + 2) % 24;
                    if (hourOfDay < 9 || hourOfDay >= 18) {
                        continue;
                    }
                    snapshot.setString(1, device);
                    snapshot.setLong(2, at);
                    snapshot.setString(3, "OK");
                    snapshot.setString(
                            4, "[{\"name\":\"disk:/\",\"status\":\"OK\"},{\"name\":\"memory\",\"status\":\"OK\"}]");
                    snapshot.addBatch();
                    rows++;
                }
            }
            snapshot.executeBatch();
        }
        return rows;
    }
}
