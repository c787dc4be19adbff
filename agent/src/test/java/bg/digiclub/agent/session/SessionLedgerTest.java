package bg.digiclub.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionRecord.ClosedBy;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;

class SessionLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    private static final Demographics ELDERLY_WOMAN = new Demographics(AgeBand.AGE_65_74, Sex.FEMALE);
    private static final List<WipeStepResult> WIPE = List.of(
            new WipeStepResult("browser-profile", true, "removed 212 files"),
            new WipeStepResult("downloads", false, "permission denied: report.pdf"));

    @TempDir
    Path dir;
    Database db;
    SessionLedger ledger;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    static SessionStart guest(String id, Instant at) {
        return new SessionStart(id, VisitorKind.GUEST, null, ELDERLY_WOMAN, at, Duration.ofMinutes(60));
    }

    static SessionStart member(String id, String code, Instant at) {
        return new SessionStart(id, VisitorKind.MEMBER, code, Demographics.NOT_DECLARED, at, Duration.ofMinutes(60));
    }

    @Test
    void sessionIsRecordedAtStartHeartbeatedAndClosedWithReasonAndWipe() throws Exception {
        assertTrue(ledger.start(guest("s-1", T0)));
        SessionRecord started = ledger.find("s-1").orElseThrow();
        assertTrue(started.isOpen());
        assertEquals(VisitorKind.GUEST, started.kind());
        assertEquals(ELDERLY_WOMAN, started.demographics());
        assertEquals(Optional.of("s-1"), ledger.openSessionId());

        assertTrue(ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(30), Duration.ofSeconds(3570))));
        SessionRecord beating = ledger.find("s-1").orElseThrow();
        assertEquals(T0.plusSeconds(30), beating.lastHeartbeatAt());
        assertEquals(Duration.ofSeconds(3570), beating.remaining());

        assertTrue(ledger.end(new SessionEnd("s-1", T0.plusSeconds(2400), EndReason.LOGOUT, WIPE)));
        SessionRecord ended = ledger.find("s-1").orElseThrow();
        assertEquals(T0.plusSeconds(2400), ended.endedAt());
        assertEquals(EndReason.LOGOUT, ended.endReason());
        assertEquals(ClosedBy.KIOSK, ended.closedBy());
        assertEquals(Boolean.FALSE, ended.wipeSucceeded());
        assertEquals(WIPE, ledger.wipeSteps("s-1"));
        assertEquals(Optional.empty(), ledger.openSessionId());
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        assertTrue(ledger.start(guest("s-1", T0)));
        assertFalse(ledger.start(guest("s-1", T0.plusSeconds(99))), "second start of the same id");
        assertTrue(ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(60), Duration.ofMinutes(59))));
        assertFalse(ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(30), Duration.ofMinutes(59))),
                "an older heartbeat delivered late");
        assertTrue(ledger.end(new SessionEnd("s-1", T0.plusSeconds(600), EndReason.TIMEOUT, WIPE)));
        SessionRecord first = ledger.find("s-1").orElseThrow();

        assertFalse(ledger.end(new SessionEnd("s-1", T0.plusSeconds(900), EndReason.STAFF, List.of())));
        assertFalse(ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(950), Duration.ZERO)));

        assertEquals(first, ledger.find("s-1").orElseThrow());
        assertEquals(T0, first.startedAt());
        assertEquals(WIPE, ledger.wipeSteps("s-1"));
    }

    @Test
    void openSessionsAreClosedAsInterruptedAtTheirLastHeartbeatWhenTheAgentStarts() throws Exception {
        ledger.start(guest("power-cut", T0));
        ledger.heartbeat(new SessionHeartbeat("power-cut", T0.plusSeconds(90), Duration.ofMinutes(58)));
        ledger.start(guest("no-heartbeat", T0.plusSeconds(100)));
        db.close();

        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        assertEquals(2, ledger.closeInterrupted());

        SessionRecord cut = ledger.find("power-cut").orElseThrow();
        assertEquals(EndReason.INTERRUPTED, cut.endReason());
        assertEquals(T0.plusSeconds(90), cut.endedAt());
        assertEquals(ClosedBy.RECOVERY, cut.closedBy());
        assertEquals(T0.plusSeconds(100), ledger.find("no-heartbeat").orElseThrow().endedAt());
        assertEquals(0, ledger.closeInterrupted(), "nothing left open");
    }

    @Test
    void kioskRestartingAfterPowerCutStillFindsTheSessionToWipeAndEndsItAtTheLastHeartbeat() throws Exception {
        ledger.start(guest("s-1", T0));
        ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(90), Duration.ofMinutes(58)));
        ledger.closeInterrupted();

        assertEquals(Optional.of("s-1"), ledger.openSessionId(), "closed by recovery, but the wipe is still to run");
        assertTrue(ledger.end(new SessionEnd("s-1", T0.plusSeconds(7200), EndReason.INTERRUPTED, WIPE)));
        SessionRecord s = ledger.find("s-1").orElseThrow();
        assertEquals(T0.plusSeconds(90), s.endedAt(), "the time the kiosk was off is not usage");
        assertEquals(ClosedBy.KIOSK, s.closedBy());
        assertEquals(WIPE, ledger.wipeSteps("s-1"));
        assertEquals(Optional.empty(), ledger.openSessionId());
    }

    @Test
    void kioskThatDiedUnderALiveAgentEndsItsSessionAtTheLastHeartbeat() throws Exception {
        ledger.start(guest("s-1", T0));
        ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(300), Duration.ofMinutes(55)));
        ledger.end(new SessionEnd("s-1", T0.plusSeconds(4000), EndReason.INTERRUPTED, WIPE));
        assertEquals(T0.plusSeconds(300), ledger.find("s-1").orElseThrow().endedAt());
    }

    @Test
    void agentRestartUnderARunningKioskReopensTheSessionOnTheNextHeartbeat() throws Exception {
        ledger.start(guest("s-1", T0));
        ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(30), Duration.ofMinutes(59)));
        ledger.closeInterrupted();

        assertTrue(ledger.heartbeat(new SessionHeartbeat("s-1", T0.plusSeconds(60), Duration.ofMinutes(59))));
        assertTrue(ledger.find("s-1").orElseThrow().isOpen());
        ledger.end(new SessionEnd("s-1", T0.plusSeconds(1800), EndReason.LOGOUT, WIPE));
        SessionRecord s = ledger.find("s-1").orElseThrow();
        assertEquals(EndReason.LOGOUT, s.endReason());
        assertEquals(T0.plusSeconds(1800), s.endedAt());
    }

    @Test
    void eventsForUnknownSessionsAndBadValuesAreRefused() throws Exception {
        assertThrows(UnknownSessionException.class,
                () -> ledger.heartbeat(new SessionHeartbeat("nope", T0, Duration.ZERO)));
        assertThrows(UnknownSessionException.class,
                () -> ledger.end(new SessionEnd("nope", T0, EndReason.LOGOUT, List.of())));
        assertThrows(IllegalArgumentException.class, () -> ledger.start(guest("bad id; drop table", T0)));
        assertThrows(IllegalArgumentException.class, () -> ledger.start(
                new SessionStart("s-2", VisitorKind.GUEST, null, ELDERLY_WOMAN, T0, Duration.ofMinutes(-1))));
        assertEquals(List.of(), ledger.sessionsOverlapping(T0.minusSeconds(86400), T0.plusSeconds(86400)));
    }

    @Test
    void sessionsOverlappingAnHourIncludeThoseRunningIntoItAndStillOpen() throws Exception {
        Instant hour = T0.plusSeconds(3600);
        ledger.start(guest("before", T0));
        ledger.end(new SessionEnd("before", T0.plusSeconds(1800), EndReason.LOGOUT, List.of()));
        ledger.start(guest("across", T0.plusSeconds(3000)));
        ledger.end(new SessionEnd("across", T0.plusSeconds(4200), EndReason.TIMEOUT, List.of()));
        ledger.start(guest("open", T0.plusSeconds(5000)));
        ledger.heartbeat(new SessionHeartbeat("open", T0.plusSeconds(5030), Duration.ofMinutes(59)));
        ledger.start(guest("after", hour.plusSeconds(3600)));

        List<SessionRecord> inHour = ledger.sessionsOverlapping(hour, hour.plusSeconds(3600));
        assertEquals(List.of("across", "open"), inHour.stream().map(SessionRecord::id).toList());
        assertEquals(Duration.ofSeconds(600), inHour.get(0).overlap(hour, hour.plusSeconds(3600)));
        assertEquals(Duration.ofSeconds(30), inHour.get(1).overlap(hour, hour.plusSeconds(3600)));
    }

    @Test
    void memberUsageAddsUpTheCardsSessionsWithinTheWindow() throws Exception {
        ledger.start(member("m-1", "12345678", T0.minusSeconds(1800)));
        ledger.end(new SessionEnd("m-1", T0.plusSeconds(1200), EndReason.LOGOUT, List.of()));
        ledger.start(member("m-2", "12345678", T0.plusSeconds(3600)));
        ledger.heartbeat(new SessionHeartbeat("m-2", T0.plusSeconds(4200), Duration.ofMinutes(50)));
        ledger.start(member("other", "87654321", T0));
        ledger.end(new SessionEnd("other", T0.plusSeconds(3000), EndReason.LOGOUT, List.of()));

        assertEquals(Duration.ofSeconds(1200 + 600), ledger.memberUsage("12345678", T0, T0.plusSeconds(86400)));
    }
}
