package bg.digiclub.collector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

/** A real collector on a loopback port with a real database, two clubs and an enrolment code each. */
public final class RunningCollector implements AutoCloseable {
    public static final Club RODINA = new Club("sz-rodina-1860", "НЧ „Родина – 1860“", "Стара Загора", DemoClubs.SOFIA);
    public static final Club ZAGORE =
            new Club("zagore-probuda-1928", "НЧ „Пробуда – 1928“", "с. Загоре", DemoClubs.SOFIA);
    public static final String RODINA_CODE = "R0D1-NA18-60AA";
    public static final String ZAGORE_CODE = "ZAG0-RE19-28BB";
    public static final String PASSWORD = "correct horse battery";

    /** A loopback collector on any free port, its passwords hashed with the fewest iterations (fast tests). */
    public static final ServerSettings SETTINGS =
            ServerSettings.defaults("127.0.0.1", 0).withPasswordIterations(SlowHash.MIN_ITERATIONS);

    public final TestClock clock = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
    /** The database's JDBC URL, for a second collector process on the same database. */
    public final String databaseUrl;

    public final Database database;
    public final CollectorServer server;
    public final Http http;
    public final ObjectMapper json = StrictJson.mapper();

    public RunningCollector(String kind, Path temp) throws SQLException {
        this(kind, temp, SETTINGS);
    }

    public RunningCollector(String kind, Path temp, ServerSettings settings) throws SQLException {
        this(kind, temp, settings, null);
    }

    /** A collector whose read API serves the reports {@code programme} makes over its database and clock. */
    public RunningCollector(String kind, Path temp, BiFunction<Database, Clock, ProgrammeReports> programme)
            throws SQLException {
        this(kind, temp, SETTINGS, programme);
    }

    private RunningCollector(
            String kind, Path temp, ServerSettings settings, BiFunction<Database, Clock, ProgrammeReports> programme)
            throws SQLException {
        databaseUrl = TestDatabases.url(kind, temp);
        database = Database.open(databaseUrl);
        ClubStore clubs = new ClubStore(database);
        for (Club club : new Club[] {RODINA, ZAGORE}) {
            clubs.saveClub(club, clock.instant());
        }
        clubs.addEnrolmentCode(
                RODINA.id(),
                Secrets.hashCode(RODINA_CODE),
                clock.instant().plus(Duration.ofDays(7)),
                10,
                clock.instant());
        clubs.addEnrolmentCode(
                ZAGORE.id(),
                Secrets.hashCode(ZAGORE_CODE),
                clock.instant().plus(Duration.ofDays(7)),
                10,
                clock.instant());
        UserStore users = new UserStore(database, new SlowHash(SlowHash.MIN_ITERATIONS));
        users.save(new User("obshtina", Role.MUNICIPALITY, null), PASSWORD.toCharArray(), clock.instant());
        users.save(new User("rodina", Role.CLUB_STAFF, RODINA.id()), PASSWORD.toCharArray(), clock.instant());
        server = programme == null
                ? CollectorServer.start(settings, database, clock)
                : CollectorServer.start(settings, database, clock, programme.apply(database, clock));
        http = new Http(server.port());
    }

    /** Signs a dashboard user in; returns the session cookie ({@code name=value}) after checking its flags. */
    public String login(String user, String password) throws Exception {
        HttpResponse<String> response = http.send(http.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + password.replace(" ", "+"))));
        assertEquals(302, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** A page or download asked for by a signed-in user ({@link #login}'s cookie). */
    public HttpResponse<String> get(String cookie, String path) throws Exception {
        return http.send(http.request(path).header("Cookie", cookie).GET());
    }

    /** A form sent by a signed-in user ({@link #login}'s cookie), URL-encoded. */
    public HttpResponse<String> post(String cookie, String path, String form) throws Exception {
        return http.send(http.request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** When {@link #enrol} PCs count as enrolled: days before the ones the tests upload (2026-11-24). */
    public static final Instant ENROLLED_AT = Instant.parse("2026-11-20T06:00:00Z");

    /**
     * Enrols a PC over HTTP, and dates its enrolment back to {@link #ENROLLED_AT}, as if it had been
     * enrolled days ago: the collector refuses periods before a device's enrolment.
     */
    public EnrolmentResponse enrol(String code) throws Exception {
        EnrolmentResponse enrolled = enrolNow(code);
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE devices SET enrolled_at = ? WHERE id = ?")) {
                s.setLong(1, ENROLLED_AT.getEpochSecond());
                s.setString(2, enrolled.deviceId().toString());
                s.executeUpdate();
            }
            return null;
        });
        return enrolled;
    }

    /** Enrols a PC over HTTP, enrolled now by the collector's clock. */
    public EnrolmentResponse enrolNow(String code) throws Exception {
        HttpResponse<String> response = http.send(http.request("/api/v1/enrolments")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"enrolmentCode\":\"" + code + "\",\"agentVersion\":\"0.1.0\"}")));
        if (response.statusCode() != 201) {
            throw new AssertionError("enrolment answered " + response.statusCode() + ": " + response.body());
        }
        return json.readValue(response.body(), EnrolmentResponse.class);
    }

    public long count(String sql) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql);
                    ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1L;
            }
        });
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
