package bg.digiclub.collector.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;

/** Enrolment over real HTTP: a retried request whose answer was lost gets the same device and token. */
class EnrolmentHttpTest {
    @TempDir
    Path temp;

    private final Secrets secrets = new Secrets();
    private final SecureRandom random = new SecureRandom();

    /** A request key as an agent makes it: 32 random bytes in hex. */
    private String requestKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static HttpResponse<String> enrol(RunningCollector c, String code, String requestKey) throws Exception {
        return c.http.send(c.http.request("/api/v1/enrolments")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"enrolmentCode\":\"" + code
                        + "\",\"agentVersion\":\"0.1.0\",\"requestKey\":\"" + requestKey + "\"}")));
    }

    private static EnrolmentResponse created(RunningCollector c, HttpResponse<String> response) throws Exception {
        assertEquals(201, response.statusCode(), response.body());
        return c.json.readValue(response.body(), EnrolmentResponse.class);
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aRetriedEnrolmentGetsTheSameDeviceAndTokenAndUsesTheCodeOnce(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            String key = requestKey();
            EnrolmentResponse first = created(c, enrol(c, RunningCollector.RODINA_CODE, key));
            c.clock.advance(Duration.ofHours(20));
            EnrolmentResponse again = created(c, enrol(c, RunningCollector.RODINA_CODE, key));
            assertEquals(first.deviceId(), again.deviceId());
            assertEquals(first.deviceNumber(), again.deviceNumber());
            assertEquals(first.token(), again.token(), "the same token, so the answer that arrives works");
            assertEquals(1, c.count("SELECT COUNT(*) FROM devices"), "no ghost PC 2");
            assertEquals(9, c.count("SELECT uses_left FROM enrolment_codes WHERE club_id = 'sz-rodina-1860'"));
            assertEquals(
                    first.deviceId(),
                    new ClubStore(c.database)
                            .deviceByToken(Secrets.hashToken(again.token()))
                            .orElseThrow()
                            .deviceId());

            // the database alone gives neither the request key nor the token away
            String stored = c.database.read(conn -> {
                try (PreparedStatement s = conn.prepareStatement(
                                "SELECT key_hash || ' ' || sealed_token FROM " + "enrolment_requests");
                        ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertFalse(stored.contains(key) || stored.contains(first.token()), stored);

            // another request is another PC
            EnrolmentResponse second = created(c, enrol(c, RunningCollector.RODINA_CODE, requestKey()));
            assertNotEquals(first.deviceId(), second.deviceId());
            assertEquals(2, second.deviceNumber());
        }
    }

    @Test
    void aRepeatMayBringANewCodeOfTheSameClubButNotAnotherClubs() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String key = requestKey();
            EnrolmentResponse first = created(c, enrol(c, RunningCollector.RODINA_CODE, key));
            HttpResponse<String> otherClub = enrol(c, RunningCollector.ZAGORE_CODE, key);
            assertEquals(403, otherClub.statusCode(), otherClub.body());
            String newCode = secrets.newEnrolmentCode();
            new ClubStore(c.database)
                    .addEnrolmentCode(
                            RunningCollector.RODINA.id(),
                            Secrets.hashCode(newCode),
                            c.clock.instant().plus(Duration.ofDays(1)),
                            1,
                            c.clock.instant());
            EnrolmentResponse again = created(c, enrol(c, newCode, key));
            assertEquals(first.deviceId(), again.deviceId());
            assertEquals(first.token(), again.token());
            assertEquals(1, c.count("SELECT COUNT(*) FROM devices"));
        }
    }

    @Test
    void aRequestIsAnsweredAgainForAWeekAndNeverForARevokedDevice() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String longCode = secrets.newEnrolmentCode();
            new ClubStore(c.database)
                    .addEnrolmentCode(
                            RunningCollector.RODINA.id(),
                            Secrets.hashCode(longCode),
                            c.clock.instant().plus(Duration.ofDays(30)),
                            10,
                            c.clock.instant());
            String key = requestKey();
            EnrolmentResponse first = created(c, enrol(c, longCode, key));
            c.clock.advance(ClubStore.REPEAT_WINDOW.minusMinutes(1));
            assertEquals(first.deviceId(), created(c, enrol(c, longCode, key)).deviceId());
            c.clock.advance(Duration.ofMinutes(2));
            EnrolmentResponse late = created(c, enrol(c, longCode, key));
            assertNotEquals(first.deviceId(), late.deviceId(), "after the window the request is a new one");

            new ClubStore(c.database).revokeDevice(late.deviceId());
            assertEquals(
                    0,
                    c.count("SELECT COUNT(*) FROM enrolment_requests WHERE device_id = '" + late.deviceId() + "'"),
                    "revocation forgets the device's answers");
            EnrolmentResponse afterRevocation = created(c, enrol(c, longCode, key));
            assertNotEquals(late.deviceId(), afterRevocation.deviceId(), "a revoked device is not handed out again");
            assertNotEquals(late.token(), afterRevocation.token());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void concurrentCopiesOfOneRequestMakeOneDevice(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            String key = requestKey();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    copies.add(() -> enrol(c, RunningCollector.RODINA_CODE, key));
                }
                Set<String> answers = new HashSet<>();
                for (Future<HttpResponse<String>> answer : pool.invokeAll(copies)) {
                    EnrolmentResponse response = created(c, answer.get());
                    answers.add(response.deviceId() + " " + response.token());
                }
                assertEquals(1, answers.size(), answers.toString());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, c.count("SELECT COUNT(*) FROM devices"));
        }
    }
}
