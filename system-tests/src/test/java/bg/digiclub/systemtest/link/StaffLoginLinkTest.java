package bg.digiclub.systemtest.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.kiosk.agentlink.StaffLockedException;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.testsupport.TestClock;

/**
 * The staff login as the kiosk's real client meets the real agent over its socket: a lockout
 * arrives as "locked for N minutes" (not as "the agent does not answer"), a relock's logout
 * ends the staff token at once, and an unused token ends after 2 minutes.
 */
class StaffLoginLinkTest {
    private static final URI NO_COLLECTOR = URI.create("http://127.0.0.1:9");

    @TempDir
    Path dir;

    TestClock clock = TestClock.sofia(Instant.parse("2026-11-02T08:00:00Z"));
    ClubPc pc;

    @BeforeEach
    void startAgent() throws Exception {
        pc = new ClubPc(dir.resolve("pc"), clock, NO_COLLECTOR, Duration.ofSeconds(5));
    }

    @AfterEach
    void stopAgent() throws Exception {
        pc.close();
    }

    @Test
    void fiveWrongPinsLockWithTheMinutesLeftAndTheRightPinWaitsToo() throws Exception {
        try (SocketAgentClient kiosk = pc.kiosk()) {
            for (int i = 0; i < 4; i++) {
                assertFalse(kiosk.authenticateStaff("90271845".toCharArray()));
            }
            StaffLockedException locked =
                    assertThrows(StaffLockedException.class, () -> kiosk.authenticateStaff("90271845".toCharArray()));
            assertEquals(Duration.ofMinutes(5), locked.lockedFor(), "ClubPc's lockout policy: 5 minutes");
            clock.advance(Duration.ofMinutes(3));
            StaffLockedException still = assertThrows(
                    StaffLockedException.class, () -> kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            assertEquals(Duration.ofMinutes(2), still.lockedFor());
            clock.advance(Duration.ofMinutes(2));
            assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
        }
    }

    @Test
    void logoutEndsTheStaffTokenAndAnUnusedOneEndsAfterTwoMinutes() throws Exception {
        try (SocketAgentClient kiosk = pc.kiosk()) {
            assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            kiosk.memberCards();
            kiosk.logoutStaff();
            AgentRefusedException refused = assertThrows(AgentRefusedException.class, kiosk::memberCards);
            assertEquals(ErrorCodes.STAFF_AUTH_REQUIRED, refused.code());

            assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            clock.advance(Duration.ofSeconds(119));
            kiosk.memberCards();
            clock.advance(Duration.ofMinutes(2));
            assertEquals(
                    ErrorCodes.STAFF_AUTH_REQUIRED,
                    assertThrows(AgentRefusedException.class, kiosk::memberCards)
                            .code(),
                    "2 minutes unused");
        }
    }
}
