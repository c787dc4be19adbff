package bg.digiclub.agent.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.testsupport.TestClock;

class EnrolmentClientTest {
    private static final UUID DEVICE = UUID.fromString("0b6f3c1e-5a7d-4e2b-9c8f-1d2e3f4a5b6c");
    private static final String TOKEN = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

    @TempDir
    Path dir;

    MockWebServer server;
    UploadRig rig;
    EnrolmentClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        rig = new UploadRig(
                dir,
                TestClock.sofia("2026-11-24T10:00:00Z"),
                ScanningPrivacyGuard.none(),
                server.url("/").uri());
        client = new EnrolmentClient(
                CollectorHttp.client(rig.config), server.url("/").uri(), rig.enrolment, rig.clock, "0.1.0");
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
        server.close();
    }

    private static MockResponse created() {
        return new MockResponse.Builder()
                .code(201)
                .body("{\"deviceId\":\"" + DEVICE + "\",\"clubId\":\"sz-rodina-1860\","
                        + "\"clubName\":\"НЧ „Родина 1860“\",\"deviceNumber\":3,\"token\":\"" + TOKEN.substring(0, 43)
                        + "\"}")
                .build();
    }

    @Test
    void aCodeIsExchangedForDeviceIdAndTokenStoredInTheDatabase() throws Exception {
        server.enqueue(created());
        DeviceCredentials creds = client.enrol(" 7kq2 m9xd 4trb ");
        assertEquals(DEVICE, creds.deviceId());
        assertEquals("sz-rodina-1860", creds.clubId());
        assertFalse(creds.toString().contains(TOKEN.substring(0, 43)), "the token never shows in toString");
        RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/api/v1/enrolments", req.getUrl().encodedPath());
        JsonNode body = new ObjectMapper().readTree(req.getBody().utf8());
        assertEquals("7KQ2-M9XD-4TRB", body.path("enrolmentCode").asText());
        assertEquals("0.1.0", body.path("agentVersion").asText());
        assertTrue(body.path("requestKey").asText().matches("[0-9a-f]{64}"), body.toString());
        assertEquals(3, body.size(), "nothing about the PC is sent (the request key is random): " + body);
        rig.reopen();
        assertEquals(
                TOKEN.substring(0, 43),
                rig.enrolment.credentials().orElseThrow().token());
    }

    @Test
    void reEnrolmentSendsThePreviousDeviceIdAndClearsTheMark() throws Exception {
        server.enqueue(created());
        client.enrol("7KQ2-M9XD-4TRB");
        rig.enrolment.markNeedsReenrolment("HTTP 401 invalid-token: revoked");
        server.takeRequest(1, TimeUnit.SECONDS);
        server.enqueue(created());
        client.enrol("7KQ2-M9XD-4TRC");
        JsonNode body = new ObjectMapper()
                .readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertEquals(DEVICE.toString(), body.path("previousDeviceId").asText());
        assertTrue(rig.enrolment.needsReenrolment().isEmpty());
    }

    @Test
    void aRetryAfterALostAnswerIsTheSameRequestEvenAfterARestartAndTheNextEnrolmentANewOne() throws Exception {
        // the collector enrolled the PC, but its answer never arrived: the agent saw a 502 from a proxy
        server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        assertThrows(EnrolmentException.class, () -> client.enrol("7KQ2-M9XD-4TRB"));
        String firstKey = requestKey(server.takeRequest(1, TimeUnit.SECONDS));
        assertTrue(rig.enrolment.credentials().isEmpty());

        rig.reopen();
        client = new EnrolmentClient(
                CollectorHttp.client(rig.config), server.url("/").uri(), rig.enrolment, rig.clock, "0.1.0");
        server.enqueue(created());
        client.enrol("7KQ2-M9XD-4TRB");
        assertEquals(
                firstKey,
                requestKey(server.takeRequest(1, TimeUnit.SECONDS)),
                "the retry carries the stored request key, so the collector answers with the same device");

        server.enqueue(created());
        client.enrol("7KQ2-M9XD-4TRC");
        String nextKey = requestKey(server.takeRequest(1, TimeUnit.SECONDS));
        assertFalse(firstKey.equals(nextKey), "an answered request is done: a later enrolment is a new request");
    }

    private static String requestKey(RecordedRequest request) throws Exception {
        return new ObjectMapper()
                .readTree(request.getBody().utf8())
                .path("requestKey")
                .asText();
    }

    @Test
    void aMalformedCodeIsRefusedBeforeAnythingIsSent() {
        EnrolmentException e = assertThrows(EnrolmentException.class, () -> client.enrol("ILOU-0000-0000"));
        assertTrue(e.getMessage().contains("7KQ2-M9XD-4TRB"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aRefusedCodeSaysSoAndStoresNothing() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"status\":403,\"code\":\"enrolment-refused\",\"message\":\"code expired\"}")
                .build());
        EnrolmentException e = assertThrows(EnrolmentException.class, () -> client.enrol("7KQ2-M9XD-4TRB"));
        assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("code expired"), e.getMessage());
        assertTrue(rig.enrolment.credentials().isEmpty());
    }

    @Test
    void tooManyAttemptsSaysWhenToTryAgain() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "60")
                .body("{}")
                .build());
        EnrolmentException e = assertThrows(EnrolmentException.class, () -> client.enrol("7KQ2-M9XD-4TRB"));
        assertTrue(e.getMessage().contains("in 60 s"), e.getMessage());
    }

    @Test
    void aGarbageAnswerIsAClearErrorAndStoresNothing() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .body("<html>proxy login</html>")
                .build());
        EnrolmentException e = assertThrows(EnrolmentException.class, () -> client.enrol("7KQ2-M9XD-4TRB"));
        assertTrue(e.getMessage().contains("not readable"), e.getMessage());
        assertTrue(rig.enrolment.credentials().isEmpty());
    }

    @Test
    void anUnreachableCollectorIsAClearError() throws Exception {
        server.close();
        EnrolmentException e = assertThrows(EnrolmentException.class, () -> client.enrol("7KQ2-M9XD-4TRB"));
        assertTrue(e.getMessage().startsWith("cannot reach the collector"), e.getMessage());
    }
}
