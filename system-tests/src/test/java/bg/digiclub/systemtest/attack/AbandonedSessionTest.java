package bg.digiclub.systemtest.attack;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.systemtest.attack.AgentUnderAttack.LedgerRow;
import bg.digiclub.systemtest.attack.SessionWire.Started;

/**
 * The kiosk killed ({@code kill -9}) or frozen ({@code kill -STOP}) in the middle of a session
 * (issue 9: "the agent keeps the session open forever", "kill -STOP freezes the countdown"):
 * after two missed heartbeats the agent ends the session itself, as INTERRUPTED, and ends the
 * visitor's programs.
 */
@Tag(ClubAccounts.TAG)
class AbandonedSessionTest {
    /** A short heartbeat interval, so that two missed ones pass in seconds. */
    private static final int HEARTBEAT_SECONDS = 2;

    @TempDir
    Path dir;

    AgentUnderAttack agent;
    VisitorPrograms programs;

    @BeforeEach
    void start() throws Exception {
        programs = new VisitorPrograms(ClubAccounts.visitor());
        List<String> config = new ArrayList<>(AgentUnderAttack.VISITOR_ACCOUNT_LINES);
        config.add(AgentUnderAttack.HEARTBEAT_INTERVAL_KEY + " = " + HEARTBEAT_SECONDS);
        agent = new AgentUnderAttack(dir, config).start();
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        programs.close();
    }

    /**
     * The kiosk process is killed with SIGKILL after a heartbeat: the agent ends the session as
     * INTERRUPTED, no earlier than the last heartbeat it had, and the visitor's programs are gone.
     *
     * <p>Needs the lead's watchdog (two missed heartbeats, the heartbeat interval in the
     * configuration) and the visitor helper's reset. Fails on today's main at start-up (unknown
     * configuration keys); there, the session stays open forever.
     */
    @Test
    void aKilledKioskSessionIsEndedAsInterruptedAfterTwoMissedHeartbeats() throws Exception {
        KioskLine kiosk = KioskLine.open(ClubAccounts.kiosk(), agent.socket, dir);
        try {
            Started s = startAndHeartbeat(kiosk);
            Instant lastHeartbeat = Instant.now();
            kiosk.kill();
            LedgerRow ended = awaitEnded(s.sessionId());
            assertEquals("INTERRUPTED", ended.endReason(), ended.toString());
            assertFalse(
                    ended.endedAt().isBefore(lastHeartbeat.minusSeconds(HEARTBEAT_SECONDS)),
                    "ended no earlier than its last heartbeat: " + ended);
            assertProgramsEnded();
        } finally {
            kiosk.close();
        }
    }

    /**
     * The kiosk process is stopped with SIGSTOP (its connection stays open, silent): the agent
     * ends the session as INTERRUPTED all the same; when the kiosk is continued, its heartbeat
     * for the ended session is refused, so the countdown cannot be frozen and resumed.
     *
     * <p>Needs the lead's watchdog and the visitor helper's reset. Fails on today's main at
     * start-up (unknown configuration keys).
     */
    @Test
    void aStoppedKioskSessionIsEndedAsInterruptedAfterTwoMissedHeartbeats() throws Exception {
        try (KioskLine kiosk = KioskLine.open(ClubAccounts.kiosk(), agent.socket, dir)) {
            Started s = startAndHeartbeat(kiosk);
            kiosk.signal("STOP");
            LedgerRow ended = awaitEnded(s.sessionId());
            assertEquals("INTERRUPTED", ended.endReason(), ended.toString());
            assertProgramsEnded();
            kiosk.signal("CONT");
            String late = kiosk.callRaw(
                    kiosk.request(SessionWire.HEARTBEAT, SessionWire.heartbeat(s.sessionId(), s.secret())));
            assertTrue(
                    late == null || !SessionWire.ok(KioskLine.JSON.readTree(late)),
                    "a heartbeat of the resumed kiosk for the ended session was taken: " + late);
        }
    }

    /** Starts a session, a visitor program in it, and sends two heartbeats a heartbeat interval apart. */
    private Started startAndHeartbeat(KioskLine kiosk) throws Exception {
        assertTrue(kiosk.connected(), kiosk.greeting());
        Started s = SessionWire.startGuest(kiosk);
        programs.startStubbornOnes();
        for (int i = 0; i < 2; i++) {
            // not a wait for a condition: the kiosk's pace, a heartbeat every interval, is what is played here
            Thread.sleep(HEARTBEAT_SECONDS * 1000L);
            JsonNode beat = kiosk.call(SessionWire.HEARTBEAT, SessionWire.heartbeat(s.sessionId(), s.secret()));
            assertTrue(SessionWire.ok(beat), beat.toString());
        }
        assertTrue(
                agent.ledger().stream().anyMatch(r -> r.id().equals(s.sessionId()) && r.open()),
                "open while the kiosk heartbeats: " + agent.ledger());
        return s;
    }

    /** The agent may record the end before or after it ends the programs: both happen, in a moment. */
    private void assertProgramsEnded() throws Exception {
        await("the visitor's programs ended with the session")
                .until(() -> programs.alive().isEmpty());
    }

    private LedgerRow awaitEnded(String id) throws Exception {
        LedgerRow[] found = new LedgerRow[1];
        // two missed heartbeats are 4 s here; the limit only keeps a broken agent from hanging the build
        agent.awaitCondition("session " + id + " ended by the agent", () -> {
            try {
                found[0] = agent.ledger().stream()
                        .filter(r -> r.id().equals(id) && !r.open())
                        .findFirst()
                        .orElse(null);
                return found[0] != null;
            } catch (Exception e) {
                return false;
            }
        });
        return found[0];
    }
}
