package bg.digiclub.systemtest.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionRecord;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.testsupport.TestClock;

/**
 * The kiosk's {@link SocketAgentClient} against the agent's {@code LinkServer}, both real, over
 * the agent's Unix-domain socket: staff and member cards, session events, and what happens when
 * the agent or the kiosk goes away in the middle.
 */
class KioskAgentLinkTest {
    /** Uploads are not used here; the agent needs a collector address all the same. */
    private static final URI NO_COLLECTOR = URI.create("http://127.0.0.1:9");

    private static final Demographics WOMAN_75 = new Demographics(AgeBand.AGE_75_PLUS, Sex.FEMALE);

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
    void staffManageCardsAndMembersLogInOverTheSocket() throws Exception {
        try (SocketAgentClient kiosk = pc.kiosk()) {
            AgentRefusedException noStaff = assertThrows(AgentRefusedException.class, kiosk::createMemberCard);
            assertEquals(ErrorCodes.STAFF_AUTH_REQUIRED, noStaff.code());
            assertFalse(kiosk.authenticateStaff("11112222".toCharArray()), "a wrong staff PIN is refused");
            assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));

            NewMemberCard card = kiosk.createMemberCard();
            assertEquals(
                    List.of(card.code()),
                    kiosk.memberCards().stream().map(MemberCard::code).toList());

            MemberLogin wrong = kiosk.authenticateMember(
                    card.code(), "000000".equals(card.pin()) ? "111111".toCharArray() : "000000".toCharArray());
            assertEquals(MemberLogin.Outcome.WRONG_PIN, wrong.outcome());
            MemberLogin first = kiosk.authenticateMember(card.code(), card.pin().toCharArray());
            assertEquals(MemberLogin.Outcome.OK, first.outcome());
            assertEquals(null, first.demographics(), "nothing declared yet");
            kiosk.declareDemographics(card.code(), WOMAN_75);
            assertEquals(
                    WOMAN_75,
                    kiosk.authenticateMember(card.code(), card.pin().toCharArray())
                            .demographics());

            String newPin = kiosk.resetMemberPin(card.code());
            assertNotEquals(card.pin(), newPin);
            assertEquals(
                    MemberLogin.Outcome.WRONG_PIN,
                    kiosk.authenticateMember(card.code(), card.pin().toCharArray())
                            .outcome());
            assertEquals(
                    MemberLogin.Outcome.OK,
                    kiosk.authenticateMember(card.code(), newPin.toCharArray()).outcome());

            kiosk.disableMemberCard(card.code());
            assertEquals(
                    MemberLogin.Outcome.DISABLED,
                    kiosk.authenticateMember(card.code(), newPin.toCharArray()).outcome());

            AgentRefusedException noHealth = assertThrows(AgentRefusedException.class, kiosk::health);
            assertEquals(ErrorCodes.UNAVAILABLE, noHealth.code(), "no health sample yet, said clearly");
        }
    }

    @Test
    void aSessionRunsByTheAgentsClockAndSurvivesAnAgentRestart() throws Exception {
        Instant start = clock.instant();
        try (SocketAgentClient kiosk = pc.kiosk()) {
            assertEquals(
                    Duration.ofHours(1), kiosk.startSession(VisitorKind.GUEST, null, WOMAN_75, Duration.ofHours(1)));
            clock.advance(Duration.ofMinutes(5));
            assertEquals(Duration.ofMinutes(55), kiosk.heartbeat());

            pc.close(); // the agent is updated or crashes
            assertThrows(AgentUnavailableException.class, kiosk::heartbeat);
            clock.advance(Duration.ofMinutes(5));
            pc.start();
            assertEquals(
                    Duration.ofMinutes(50), kiosk.heartbeat(), "the session's secret survives the agent's restart");

            clock.advance(Duration.ofMinutes(10));
            List<WipeStepResult> reset = kiosk.endSession(EndReason.LOGOUT);
            assertTrue(reset.stream().allMatch(WipeStepResult::ok), reset.toString());
            SessionRecord s = pc.ledger()
                    .sessionsOverlapping(start, start.plusSeconds(3600))
                    .get(0);
            assertEquals(start, s.startedAt());
            assertEquals(start.plus(Duration.ofMinutes(20)), s.endedAt());
            assertEquals(EndReason.LOGOUT, s.endReason());
            assertEquals(Boolean.TRUE, s.wipeSucceeded());
            assertFalse(kiosk.pcStatus().sessionOpen());
        }
    }

    @Test
    void aMemberSessionNeedsTheMembersOwnLogin() throws Exception {
        try (SocketAgentClient staff = pc.kiosk();
                SocketAgentClient kiosk = pc.kiosk()) {
            assertTrue(staff.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            NewMemberCard card = staff.createMemberCard();
            AgentRefusedException refused = assertThrows(
                    AgentRefusedException.class,
                    () -> kiosk.startSession(VisitorKind.MEMBER, card.code(), WOMAN_75, Duration.ofHours(1)));
            assertEquals(ErrorCodes.MEMBER_AUTH_REQUIRED, refused.code());
            assertEquals(
                    MemberLogin.Outcome.OK,
                    kiosk.authenticateMember(card.code(), card.pin().toCharArray())
                            .outcome());
            kiosk.startSession(VisitorKind.MEMBER, card.code(), WOMAN_75, Duration.ofHours(1));
            assertTrue(kiosk.pcStatus().sessionOpen());
            assertEquals(card.code(), pc.ledger().openSession().orElseThrow().memberCode());
        }
    }

    @Test
    void aKioskThatDiedMidSessionIsEndedByTheAgentAsInterruptedAtItsLastHeartbeat() throws Exception {
        Instant start = clock.instant();
        try (SocketAgentClient kiosk = pc.kiosk()) {
            kiosk.startSession(VisitorKind.GUEST, null, Demographics.NOT_DECLARED, Duration.ofHours(1));
            clock.advance(Duration.ofMinutes(10));
            kiosk.heartbeat();
        }
        // the kiosk was killed; a new one starts and finds the agent still holding the session
        try (SocketAgentClient kiosk = pc.kiosk()) {
            assertTrue(kiosk.pcStatus().sessionOpen());
            assertEquals(
                    ErrorCodes.BUSY,
                    assertThrows(
                                    AgentRefusedException.class,
                                    () -> kiosk.startSession(VisitorKind.GUEST, null, WOMAN_75, Duration.ofHours(1)))
                            .code(),
                    "the lost session is not replaced while it may still be alive");

            clock.advance(ClubPc.HEARTBEAT.multipliedBy(5).dividedBy(2));
            pc.watchdog();
            assertFalse(kiosk.pcStatus().sessionOpen());
            SessionRecord s = pc.ledger()
                    .sessionsOverlapping(start, start.plusSeconds(3600))
                    .get(0);
            assertEquals(EndReason.INTERRUPTED, s.endReason());
            assertEquals(start.plus(Duration.ofMinutes(10)), s.endedAt(), "ended at its last sign of life");
            assertEquals(Boolean.TRUE, s.wipeSucceeded(), "the agent reset the visitor itself");
            kiosk.startSession(VisitorKind.GUEST, null, WOMAN_75, Duration.ofHours(1));
        }
    }

    @Test
    void aClientOfAStoppedAgentFailsClearly() throws Exception {
        pc.close();
        try (SocketAgentClient kiosk = pc.kiosk()) {
            AgentUnavailableException e = assertThrows(
                    AgentUnavailableException.class, () -> kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            assertTrue(e.getMessage().contains(pc.socket.toString()), "names the socket: " + e.getMessage());
        } finally {
            pc.start();
        }
    }
}
