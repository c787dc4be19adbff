package bg.digiclub.systemtest.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionRecord;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
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
import bg.digiclub.systemtest.support.SimClock;

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
    SimClock clock = new SimClock(Instant.parse("2026-11-02T08:00:00Z"));
    ClubPc pc;
    Path spool;

    @BeforeEach
    void startAgent() throws Exception {
        pc = new ClubPc(dir.resolve("pc"), clock, NO_COLLECTOR, Duration.ofSeconds(5));
        spool = Files.createDirectories(dir.resolve("kiosk"));
    }

    @AfterEach
    void stopAgent() throws Exception {
        pc.close();
    }

    @Test
    void staffManageCardsAndMembersLogInOverTheSocket() throws Exception {
        try (SocketAgentClient kiosk = pc.kiosk(spool)) {
            AgentRefusedException noStaff = assertThrows(AgentRefusedException.class, kiosk::createMemberCard);
            assertEquals(ErrorCodes.STAFF_AUTH_REQUIRED, noStaff.code());
            assertFalse(kiosk.authenticateStaff("11112222".toCharArray()), "a wrong staff PIN is refused");
            assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));

            NewMemberCard card = kiosk.createMemberCard();
            assertEquals(List.of(card.code()), kiosk.memberCards().stream().map(MemberCard::code).toList());

            MemberLogin wrong = kiosk.authenticateMember(card.code(), "000000".equals(card.pin()) ? "111111".toCharArray()
                    : "000000".toCharArray());
            assertEquals(MemberLogin.Outcome.WRONG_PIN, wrong.outcome());
            MemberLogin first = kiosk.authenticateMember(card.code(), card.pin().toCharArray());
            assertEquals(MemberLogin.Outcome.OK, first.outcome());
            assertEquals(null, first.demographics(), "nothing declared yet");
            kiosk.declareDemographics(card.code(), WOMAN_75);
            assertEquals(WOMAN_75, kiosk.authenticateMember(card.code(), card.pin().toCharArray()).demographics());

            String newPin = kiosk.resetMemberPin(card.code());
            assertNotEquals(card.pin(), newPin);
            assertEquals(MemberLogin.Outcome.WRONG_PIN, kiosk.authenticateMember(card.code(), card.pin().toCharArray()).outcome());
            assertEquals(MemberLogin.Outcome.OK, kiosk.authenticateMember(card.code(), newPin.toCharArray()).outcome());

            kiosk.disableMemberCard(card.code());
            assertEquals(MemberLogin.Outcome.DISABLED, kiosk.authenticateMember(card.code(), newPin.toCharArray()).outcome());

            AgentRefusedException noHealth = assertThrows(AgentRefusedException.class, kiosk::health);
            assertEquals(ErrorCodes.UNAVAILABLE, noHealth.code(), "no health sample yet, said clearly");
        }
    }

    @Test
    void eventsSpooledWhileTheAgentIsDownArriveOnceWhenItIsBack() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant start = clock.instant();
        pc.close(); // the agent is down (an update, a crash)
        try (SocketAgentClient kiosk = pc.kiosk(spool)) {
            kiosk.sessionStarted(new SessionStart(id, VisitorKind.GUEST, null, WOMAN_75, start, Duration.ofHours(1)));
            kiosk.heartbeat(new SessionHeartbeat(id, start.plusSeconds(30), Duration.ofMinutes(59)));
            assertEquals(Optional.of(id), kiosk.openSessionId(), "the kiosk knows its open session from its spool");
            kiosk.heartbeat(new SessionHeartbeat(id, start.plusSeconds(60), Duration.ofMinutes(58)));
            kiosk.sessionEnded(new SessionEnd(id, start.plusSeconds(75), EndReason.LOGOUT,
                    List.of(new WipeStepResult("downloads", true, ""))));
            assertFalse(kiosk.flush(), "nothing can be delivered while the agent is down");
            assertEquals(4, kiosk.pendingEvents());
        }
        // the kiosk was restarted too; its spool file is all that is left of the events
        pc.start();
        try (SocketAgentClient kiosk = pc.kiosk(spool)) {
            deliver(kiosk);
            SessionRecord s = pc.ledger().find(id).orElseThrow();
            assertEquals(start, s.startedAt());
            assertEquals(start.plusSeconds(75), s.endedAt());
            assertEquals(EndReason.LOGOUT, s.endReason());
            assertEquals(Optional.empty(), kiosk.openSessionId());

            // the same start delivered again (an answer lost on the way) changes nothing
            kiosk.sessionStarted(new SessionStart(id, VisitorKind.GUEST, null, WOMAN_75, start, Duration.ofHours(1)));
            deliver(kiosk);
            assertEquals(1, pc.ledger().sessionsOverlapping(start.minusSeconds(1), start.plusSeconds(3600)).size());
            assertEquals(s, pc.ledger().find(id).orElseThrow());
        }
    }

    @Test
    void aKioskThatDiedMidSessionEndsItAsInterruptedAtItsLastHeartbeat() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant start = clock.instant();
        try (SocketAgentClient kiosk = pc.kiosk(spool)) {
            kiosk.sessionStarted(new SessionStart(id, VisitorKind.GUEST, null, Demographics.NOT_DECLARED, start,
                    Duration.ofHours(1)));
            kiosk.heartbeat(new SessionHeartbeat(id, start.plusSeconds(600), Duration.ofMinutes(50)));
            deliver(kiosk);
        }
        // the power went: agent and kiosk start again
        pc.close();
        clock.advance(Duration.ofMinutes(30));
        pc.start();
        try (SocketAgentClient kiosk = pc.kiosk(dir.resolve("kiosk-after-power-cut"))) {
            assertEquals(Optional.of(id), kiosk.openSessionId(), "the agent tells the new kiosk which session to finish");
            kiosk.sessionEnded(new SessionEnd(id, clock.instant(), EndReason.INTERRUPTED,
                    List.of(new WipeStepResult("browser-profile", true, ""))));
            deliver(kiosk);
            SessionRecord s = pc.ledger().find(id).orElseThrow();
            assertEquals(EndReason.INTERRUPTED, s.endReason());
            assertEquals(start.plusSeconds(600), s.endedAt(), "ended at its last sign of life, not when reported");
            assertEquals(Boolean.TRUE, s.wipeSucceeded());
            assertEquals(Optional.empty(), kiosk.openSessionId());
        }
    }

    @Test
    void aClientOfAStoppedAgentFailsClearly() throws Exception {
        pc.close();
        try (SocketAgentClient kiosk = pc.kiosk(spool)) {
            AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                    () -> kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            assertTrue(e.getMessage().contains(pc.socket.toString()), "names the socket: " + e.getMessage());
        } finally {
            pc.start();
        }
    }

    /** Bounded: the agent is up, so a few tries must do. */
    private static void deliver(SocketAgentClient kiosk) throws InterruptedException {
        for (int i = 0; i < 100 && !kiosk.flush(); i++) {
            Thread.sleep(50);
        }
        assertEquals(0, kiosk.pendingEvents(), "every spooled event delivered");
    }
}
