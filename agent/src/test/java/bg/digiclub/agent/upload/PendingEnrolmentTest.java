package bg.digiclub.agent.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.testsupport.TestClock;

/** The install could not reach the collector: the agent enrols by itself once it answers. */
class PendingEnrolmentTest {
    private static final UUID DEVICE = UUID.fromString("0b6f3c1e-5a7d-4e2b-9c8f-1d2e3f4a5b6c");

    @TempDir
    Path dir;

    MockWebServer server;
    UploadRig rig;
    Path codeFile;
    PendingEnrolment pending;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        rig = new UploadRig(
                dir,
                TestClock.sofia("2026-11-24T10:00:00Z"),
                ScanningPrivacyGuard.none(),
                server.url("/").uri());
        codeFile = dir.resolve("enrol-code");
        Files.writeString(codeFile, "7KQ2-M9XD-4TRB\n");
        Files.setPosixFilePermissions(codeFile, PosixFilePermissions.fromString("rw-------"));
        EnrolmentClient client = new EnrolmentClient(
                CollectorHttp.client(rig.config), server.url("/").uri(), rig.enrolment, rig.clock, "0.1.0");
        pending = new PendingEnrolment(
                codeFile,
                client,
                rig.enrolment,
                new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), new Random(7)),
                rig.clock);
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
                        + "\"clubName\":\"НЧ „Родина 1860“\",\"deviceNumber\":3,\"token\":\"" + "t".repeat(43) + "\"}")
                .build();
    }

    @Test
    void theAgentEnrolsWhenTheCollectorAnswersAndDeletesTheCode() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        pending.tick();
        assertTrue(rig.enrolment.credentials().isEmpty());
        assertTrue(Files.exists(codeFile), "the code waits for the next try");
        assertEquals(1, server.getRequestCount());

        pending.tick();
        assertEquals(1, server.getRequestCount(), "not before the backoff");

        server.enqueue(created());
        rig.clock.advance(Duration.ofMinutes(2));
        pending.tick();
        assertEquals(DEVICE, rig.enrolment.credentials().orElseThrow().deviceId());
        assertFalse(Files.exists(codeFile), "a used code is not kept");

        rig.clock.advance(Duration.ofHours(1));
        pending.tick();
        assertEquals(2, server.getRequestCount(), "an enrolled PC asks nothing more");
    }

    @Test
    void aCodeOtherAccountsCanReadIsNotUsed() throws Exception {
        Files.setPosixFilePermissions(codeFile, PosixFilePermissions.fromString("rw-r--r--"));
        server.enqueue(created());
        pending.tick();
        assertEquals(0, server.getRequestCount());
        assertTrue(rig.enrolment.credentials().isEmpty());
    }

    @Test
    void withNoCodeNothingIsAsked() throws Exception {
        Files.delete(codeFile);
        pending.tick();
        assertEquals(0, server.getRequestCount());
    }
}
