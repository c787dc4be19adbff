package bg.digiclub.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionAuthority.Granted;
import bg.digiclub.agent.session.SessionRecord.ClosedBy;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.agent.visitor.SessionEvents;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.testsupport.TestClock;

class SessionAuthorityTest {
    private static final Demographics ELDERLY_WOMAN = new Demographics(AgeBand.AGE_65_74, Sex.FEMALE);
    private static final Duration HOUR = Duration.ofMinutes(60);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Database db;
    SessionLedger ledger;
    TestClock clock;
    RecordingVisitor visitor;
    SessionAuthority sessions;
    AlertStore alerts;

    RaisedChecks raised() {
        return new RaisedChecks(alerts, Set.of(SessionAuthority.RESET_CHECK), clock);
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        clock = TestClock.clubMorning();
        visitor = new RecordingVisitor();
        alerts = new AlertStore(db, clock);
        sessions = new SessionAuthority(ledger, visitor, raised(), clock, HEARTBEAT, new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Granted guest() throws Exception {
        return sessions.start(VisitorKind.GUEST, null, ELDERLY_WOMAN, HOUR, null);
    }

    @Test
    void sessionIsRecordedByTheAgentsClockHeartbeatedAndEndedWithTheReset() throws Exception {
        Instant t0 = clock.instant();
        Granted g = guest();
        assertEquals(t0, g.startedAt());
        assertEquals(List.of("end-programs"), visitor.calls, "leftover programs are ended before a session");
        SessionRecord started = ledger.find(g.sessionId()).orElseThrow();
        assertTrue(started.isOpen());
        assertEquals(ELDERLY_WOMAN, started.demographics());
        assertTrue(sessions.sessionOpen());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(Duration.ofMinutes(59).plusSeconds(30), sessions.heartbeat(g.sessionId(), g.secret()));
        assertEquals(
                t0.plusSeconds(30), ledger.find(g.sessionId()).orElseThrow().lastHeartbeatAt());

        clock.advance(Duration.ofMinutes(40));
        List<WipeStepResult> reset = sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        assertTrue(reset.stream().allMatch(WipeStepResult::ok));
        SessionRecord ended = ledger.find(g.sessionId()).orElseThrow();
        assertEquals(t0.plusSeconds(30).plus(Duration.ofMinutes(40)), ended.endedAt());
        assertEquals(EndReason.LOGOUT, ended.endReason());
        assertEquals(ClosedBy.KIOSK, ended.closedBy());
        assertEquals(Boolean.TRUE, ended.wipeSucceeded());
        assertEquals(reset, ledger.wipeSteps(g.sessionId()));
        assertEquals(List.of("end-programs", "reset"), visitor.calls);
        assertFalse(sessions.sessionOpen());
    }

    /**
     * The kiosk was killed (issue 10: "the kiosk killed by root ... the session ended and the
     * visitor data reset"): the session of a kiosk process that is gone ends at the next sweep,
     * at once, not two heartbeats later; while the process runs, a sweep leaves it alone.
     */
    @Test
    void aSessionWhoseKioskProcessIsGoneEndsAtTheNextSweep() throws Exception {
        Process kiosk = new ProcessBuilder("sleep", "600").start();
        try {
            Instant t0 = clock.instant();
            Granted g = sessions.start(VisitorKind.GUEST, null, ELDERLY_WOMAN, HOUR, kiosk.pid());
            clock.advance(Duration.ofSeconds(5));
            sessions.sweep();
            assertTrue(sessions.sessionOpen(), "the kiosk runs: its session goes on");

            kiosk.destroyForcibly();
            kiosk.waitFor();
            clock.advance(Duration.ofSeconds(1));
            sessions.sweep();
            SessionRecord ended = ledger.find(g.sessionId()).orElseThrow();
            assertFalse(ended.isOpen(), "a sweep right after the kiosk died ends its session");
            assertEquals(EndReason.INTERRUPTED, ended.endReason());
            assertEquals(ClosedBy.AGENT, ended.closedBy());
            assertEquals(
                    t0.plusSeconds(6), ended.endedAt(), "ended when the death was seen, not at the last heartbeat");
            assertEquals(List.of("end-programs", "reset"), visitor.calls, "the visitor's programs and home are reset");
        } finally {
            kiosk.destroyForcibly();
        }
    }

    @Test
    void aKioskPidThatIsNoRunningProcessIsRefused() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        SessionRefusedException e = assertThrows(
                SessionRefusedException.class,
                () -> sessions.start(VisitorKind.GUEST, null, ELDERLY_WOMAN, HOUR, gone.pid()));
        assertEquals(ErrorCodes.BAD_REQUEST, e.code());
        assertFalse(sessions.sessionOpen());
    }

    @Test
    void heartbeatEndAndLaunchNeedTheSessionsSecret() throws Exception {
        Granted g = guest();
        for (String wrong : new String[] {"", "x", g.secret() + "x", null}) {
            SessionRefusedException e =
                    assertThrows(SessionRefusedException.class, () -> sessions.heartbeat(g.sessionId(), wrong));
            assertEquals(ErrorCodes.SESSION_AUTH_REQUIRED, e.code());
            assertEquals(
                    ErrorCodes.SESSION_AUTH_REQUIRED,
                    assertThrows(
                                    SessionRefusedException.class,
                                    () -> sessions.end(g.sessionId(), wrong, EndReason.STAFF))
                            .code());
            assertEquals(
                    ErrorCodes.SESSION_AUTH_REQUIRED,
                    assertThrows(
                                    SessionRefusedException.class,
                                    () -> sessions.launch(
                                            g.sessionId(), wrong, List.of("/bin/sh"), TileCategory.LEARNING, Map.of()))
                            .code());
        }
        assertEquals(
                ErrorCodes.SESSION_AUTH_REQUIRED,
                assertThrows(SessionRefusedException.class, () -> sessions.heartbeat("no-such-session", g.secret()))
                        .code(),
                "an unknown id answers like a wrong secret");
        assertTrue(
                ledger.find(g.sessionId()).orElseThrow().isOpen(), "nothing a wrong secret sent changed the session");
        assertEquals(
                Map.of(),
                ledger.tileCategoriesOverlapping(clock.instant().minus(HOUR), clock.instant()),
                "a refused launch counts no tile");
        assertEquals(List.of("end-programs"), visitor.calls);
    }

    @Test
    void aSessionRecordsEachTileCategoryItOpenedOnceDurablyAndMaintenanceNone() throws Exception {
        Instant t0 = clock.instant();
        Granted g = guest();
        sessions.launch(
                g.sessionId(),
                g.secret(),
                List.of("/usr/bin/chromium", "https://example.org/course-1"),
                TileCategory.LEARNING,
                Map.of());
        clock.advance(Duration.ofMinutes(10));
        sessions.launch(
                g.sessionId(),
                g.secret(),
                List.of("/usr/bin/chromium", "https://example.org/course-2"),
                TileCategory.LEARNING,
                Map.of());
        sessions.launch(
                g.sessionId(),
                g.secret(),
                List.of("/usr/bin/chromium", "https://example.org/e-gov"),
                TileCategory.E_GOVERNMENT,
                Map.of());
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        assertEquals(
                ErrorCodes.SESSION_ENDED,
                assertThrows(
                                SessionRefusedException.class,
                                () -> sessions.launch(
                                        g.sessionId(),
                                        g.secret(),
                                        List.of("/usr/bin/gedit"),
                                        TileCategory.WRITING,
                                        Map.of()))
                        .code());
        sessions.startMaintenance(Duration.ofMinutes(15));
        sessions.launchForMaintenance(List.of("/usr/bin/chromium"), Map.of());
        sessions.endMaintenance();

        db.close();
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        assertEquals(
                Map.of(g.sessionId(), Set.of(TileCategory.LEARNING, TileCategory.E_GOVERNMENT)),
                ledger.tileCategoriesOverlapping(t0, clock.instant().plus(HOUR)),
                "each category once, after a restart too; nothing for the launch after the end nor for maintenance");
    }

    @Test
    void onlyOneSessionIsOpenAtATime() throws Exception {
        Granted first = guest();
        SessionRefusedException e = assertThrows(SessionRefusedException.class, this::guest);
        assertEquals(ErrorCodes.BUSY, e.code());
        assertEquals(
                1,
                ledger.sessionsOverlapping(
                                clock.instant().minusSeconds(60),
                                clock.instant().plusSeconds(60))
                        .size());
        assertTrue(ledger.find(first.sessionId()).orElseThrow().isOpen(), "the running session is not replaced");
    }

    @Test
    void aSilentKioskSessionIsEndedAsInterruptedAtItsLastHeartbeatAfterTwoMissedOnes() throws Exception {
        Granted g = guest();
        clock.advance(Duration.ofSeconds(30));
        sessions.heartbeat(g.sessionId(), g.secret());
        Instant last = clock.instant();

        clock.advance(Duration.ofSeconds(74)); // two heartbeats missed, within the slack
        sessions.sweep();
        assertTrue(ledger.find(g.sessionId()).orElseThrow().isOpen());

        clock.advance(Duration.ofSeconds(1)); // 75 s = two intervals and a half
        sessions.sweep();
        SessionRecord s = ledger.find(g.sessionId()).orElseThrow();
        assertEquals(EndReason.INTERRUPTED, s.endReason());
        assertEquals(ClosedBy.AGENT, s.closedBy());
        assertEquals(last, s.endedAt(), "the session counts its real minutes, not the silence");
        assertEquals(List.of("end-programs", "reset"), visitor.calls, "the agent resets the visitor itself");

        SessionRefusedException e =
                assertThrows(SessionRefusedException.class, () -> sessions.heartbeat(g.sessionId(), g.secret()));
        assertEquals(ErrorCodes.SESSION_ENDED, e.code(), "a stopped kiosk that wakes up learns its session is over");
        guest(); // the PC is free again
    }

    @Test
    void afterAnAgentRestartTheKioskHasTwoHeartbeatsToShowItIsAlive() throws Exception {
        Granted g = guest();
        clock.advance(Duration.ofMinutes(10)); // the agent was down for ten minutes
        SessionAuthority restarted =
                new SessionAuthority(ledger, visitor, raised(), clock, HEARTBEAT, new SecureRandom());
        restarted.sweep();
        assertTrue(ledger.find(g.sessionId()).orElseThrow().isOpen());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(
                Duration.ofMinutes(49).plusSeconds(30),
                restarted.heartbeat(g.sessionId(), g.secret()),
                "the secret survives the restart (its hash is in the ledger)");
    }

    @Test
    void aKioskThatKeepsHeartbeatingPastItsTimeIsEndedAsTimeoutAtTheEnd() throws Exception {
        Granted g = guest();
        Instant endsAt = clock.instant().plus(HOUR);
        for (int i = 0; i < 121; i++) {
            clock.advance(HEARTBEAT);
            if (i < 120) {
                sessions.heartbeat(g.sessionId(), g.secret());
            }
        }
        SessionRefusedException e =
                assertThrows(SessionRefusedException.class, () -> sessions.heartbeat(g.sessionId(), g.secret()));
        assertEquals(ErrorCodes.SESSION_ENDED, e.code());
        SessionRecord s = ledger.find(g.sessionId()).orElseThrow();
        assertEquals(EndReason.TIMEOUT, s.endReason());
        assertEquals(endsAt, s.endedAt());
    }

    @Test
    void aLateEndCountsNoMoreThanTheGrantedTime() throws Exception {
        Granted g = guest();
        Instant endsAt = clock.instant().plus(HOUR);
        clock.advance(HOUR.plusSeconds(20));
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        SessionRecord s = ledger.find(g.sessionId()).orElseThrow();
        assertEquals(endsAt, s.endedAt());
        assertEquals(EndReason.TIMEOUT, s.endReason());
    }

    @Test
    void endingTwiceAnswersWithTheFirstResetAndResetsOnce() throws Exception {
        Granted g = guest();
        List<WipeStepResult> first = sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(first, sessions.end(g.sessionId(), g.secret(), EndReason.STAFF));
        assertEquals(EndReason.LOGOUT, ledger.find(g.sessionId()).orElseThrow().endReason());
        assertEquals(1, visitor.calls.stream().filter("reset"::equals).count());
    }

    @Test
    void aFailedResetKeepsThePcOutOfOrderUntilOneSucceeds() throws Exception {
        visitor.resetFails = true;
        Granted g = guest();
        List<WipeStepResult> steps = sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        assertFalse(steps.stream().allMatch(WipeStepResult::ok));
        assertEquals(Boolean.FALSE, ledger.find(g.sessionId()).orElseThrow().wipeSucceeded());
        assertTrue(sessions.lastResetFailed());

        SessionRefusedException e = assertThrows(SessionRefusedException.class, this::guest);
        assertEquals(ErrorCodes.OUT_OF_ORDER, e.code());
        assertTrue(e.getMessage().contains("home is busy"), e.getMessage());

        SessionAuthority restarted =
                new SessionAuthority(ledger, visitor, raised(), clock, HEARTBEAT, new SecureRandom());
        assertTrue(restarted.lastResetFailed(), "a restart does not forget the failed reset");
        HealthReport sampled = new HealthReport(HealthStatus.OK, clock.instant(), List.of());
        HealthReport report = raised().addTo(sampled);
        assertEquals(HealthStatus.CRIT, report.overall(), "CRIT to staff and, in the uploaded snapshot, the dashboard");
        assertEquals(SessionAuthority.RESET_CHECK, report.checks().get(0).name());

        visitor.resetFails = false;
        restarted.start(VisitorKind.GUEST, null, ELDERLY_WOMAN, HOUR, null);
        assertFalse(restarted.lastResetFailed());
        assertSame(sampled, raised().addTo(sampled), "the alert ends with a good reset");
    }

    @Test
    void theWatchdogTriesAFailedResetAgainEveryMinuteWhileThePcIsFree() throws Exception {
        visitor.resetFails = true;
        Granted g = guest();
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        long resets = visitor.calls.stream().filter("reset"::equals).count();

        clock.advance(Duration.ofSeconds(59));
        sessions.sweep();
        assertEquals(resets, visitor.calls.stream().filter("reset"::equals).count(), "not before a minute");
        clock.advance(Duration.ofSeconds(1));
        sessions.sweep();
        assertEquals(resets + 1, visitor.calls.stream().filter("reset"::equals).count());
        assertTrue(sessions.lastResetFailed());

        visitor.resetFails = false; // the busy file was closed
        clock.advance(SessionAuthority.RESET_RETRY);
        sessions.sweep();
        assertFalse(sessions.lastResetFailed(), "the PC is in order again without anyone starting a session");
    }

    @Test
    void extensionAddsTimeByTheAgentsClock() throws Exception {
        Granted g = guest();
        clock.advance(Duration.ofMinutes(55));
        assertEquals(Duration.ofMinutes(20), sessions.extend(g.sessionId(), Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(10), sessions.heartbeat(g.sessionId(), g.secret()));
    }

    @Test
    void maintenanceBlocksSessionsAndEndsTheVisitorsProgramsWhenItsTimeIsUp() throws Exception {
        sessions.startMaintenance(Duration.ofMinutes(15));
        assertEquals(
                ErrorCodes.BUSY,
                assertThrows(SessionRefusedException.class, this::guest).code());
        sessions.launchForMaintenance(List.of("/usr/bin/firefox"), Map.of("DISPLAY", ":0"));
        clock.advance(Duration.ofMinutes(15));
        sessions.sweep();
        assertFalse(sessions.maintenanceOn());
        assertEquals(List.of("launch /usr/bin/firefox {DISPLAY=:0}", "end-programs"), visitor.calls);
        assertEquals(
                ErrorCodes.BUSY,
                assertThrows(
                                SessionRefusedException.class,
                                () -> sessions.launchForMaintenance(List.of("/bin/sh"), Map.of()))
                        .code(),
                "no programs outside maintenance");
    }

    /**
     * The media automount is told of each session under the authority's lock, in order: after the
     * session is recorded, and before its reset begins (so that nothing is mounted for a visitor
     * once the reset that unmounts their sticks runs), whoever ends it; and when maintenance ends.
     */
    @Test
    void sessionEventsComeBeforeTheResetAndAfterTheStart() throws Exception {
        SessionEvents recorder = new SessionEvents() {
            @Override
            public void sessionOpened() {
                visitor.calls.add("opened");
            }

            @Override
            public void sessionEnding() {
                visitor.calls.add("ending");
            }

            @Override
            public void maintenanceOver() {
                visitor.calls.add("maintenance-over");
            }
        };
        sessions = new SessionAuthority(ledger, visitor, raised(), clock, HEARTBEAT, new SecureRandom(), recorder);

        Granted g = guest();
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        assertEquals(
                List.of("end-programs", "opened", "ending", "reset"),
                visitor.calls,
                "an ended session is not ended twice");

        visitor.calls.clear();
        guest();
        clock.advance(HOUR.plus(HEARTBEAT));
        sessions.sweep();
        assertEquals(List.of("end-programs", "opened", "ending", "reset"), visitor.calls, "ended by the watchdog");

        visitor.calls.clear();
        sessions.startMaintenance(Duration.ofMinutes(15));
        sessions.endMaintenance();
        assertEquals(List.of("maintenance-over", "end-programs"), visitor.calls);
    }

    @Test
    void aFailingListenerStopsNoSessionNorReset() throws Exception {
        SessionEvents failing = new SessionEvents() {
            @Override
            public void sessionOpened() {
                throw new IllegalStateException("listener broke");
            }

            @Override
            public void sessionEnding() {
                throw new IllegalStateException("listener broke");
            }
        };
        sessions = new SessionAuthority(ledger, visitor, raised(), clock, HEARTBEAT, new SecureRandom(), failing);

        Granted g = guest();
        assertTrue(sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT).stream()
                .allMatch(WipeStepResult::ok));
        assertEquals(List.of("end-programs", "reset"), visitor.calls);
    }

    @Test
    void secretsAreRandomAndOnlyTheirHashIsStored() throws Exception {
        Granted a = guest();
        sessions.end(a.sessionId(), a.secret(), EndReason.LOGOUT);
        Granted b = guest();
        assertNotEquals(a.secret(), b.secret());
        assertTrue(a.secret().length() >= 43);
        String stored = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT secret_hash FROM session WHERE id = ?")) {
                ps.setString(1, b.sessionId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertNotEquals(b.secret(), stored);
        assertEquals(SessionSecrets.hash(b.secret()), stored);
    }

    @Test
    void sessionsOverlappingAnHourIncludeThoseRunningIntoItAndStillOpen() throws Exception {
        Instant t0 = clock.instant();
        Instant hour = t0.plusSeconds(3600);
        Granted before = guest();
        clock.advance(Duration.ofSeconds(1800));
        sessions.end(before.sessionId(), before.secret(), EndReason.LOGOUT);
        clock.advance(Duration.ofSeconds(1200));
        Granted across = guest();
        clock.advance(Duration.ofSeconds(1200));
        sessions.end(across.sessionId(), across.secret(), EndReason.LOGOUT);
        clock.advance(Duration.ofSeconds(800));
        Granted open = guest();
        clock.advance(Duration.ofSeconds(30));
        sessions.heartbeat(open.sessionId(), open.secret());

        List<SessionRecord> inHour = ledger.sessionsOverlapping(hour, hour.plusSeconds(3600));
        assertEquals(
                List.of(across.sessionId(), open.sessionId()),
                inHour.stream().map(SessionRecord::id).toList());
        assertEquals(Duration.ofSeconds(600), inHour.get(0).overlap(hour, hour.plusSeconds(3600)));
        assertEquals(Duration.ofSeconds(30), inHour.get(1).overlap(hour, hour.plusSeconds(3600)));
    }

    @Test
    void memberUsageAddsUpTheCardsSessionsWithinTheWindow() throws Exception {
        Instant t0 = clock.instant();
        Granted m1 = sessions.start(VisitorKind.MEMBER, "12345678", Demographics.NOT_DECLARED, HOUR, null);
        clock.advance(Duration.ofSeconds(1200));
        sessions.end(m1.sessionId(), m1.secret(), EndReason.LOGOUT);
        Granted other = sessions.start(VisitorKind.MEMBER, "87654321", Demographics.NOT_DECLARED, HOUR, null);
        clock.advance(Duration.ofSeconds(600));
        sessions.end(other.sessionId(), other.secret(), EndReason.LOGOUT);
        Granted m2 = sessions.start(VisitorKind.MEMBER, "12345678", Demographics.NOT_DECLARED, HOUR, null);
        clock.advance(Duration.ofSeconds(30));
        sessions.heartbeat(m2.sessionId(), m2.secret());

        assertEquals(Duration.ofSeconds(1200 + 30), ledger.memberUsage("12345678", t0, t0.plusSeconds(86400)));
    }

    @Test
    void aMemberSessionsCardAndDayAreRecordedAtItsStartAndAGuestsAreNot() throws Exception {
        List<String> recorded = new ArrayList<>();
        sessions.recordMemberVisits((code, day) -> recorded.add(code + "@" + day));
        Granted member = sessions.start(VisitorKind.MEMBER, "12345678", Demographics.NOT_DECLARED, HOUR, null);
        assertEquals(List.of("12345678@" + LocalDate.ofInstant(clock.instant(), clock.getZone())), recorded);
        sessions.end(member.sessionId(), member.secret(), EndReason.LOGOUT);
        Granted g = guest();
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        assertEquals(1, recorded.size(), "a guest has no card");

        sessions.recordMemberVisits((code, day) -> {
            throw new SQLException("disk full");
        });
        Granted still = sessions.start(VisitorKind.MEMBER, "12345678", Demographics.NOT_DECLARED, HOUR, null);
        assertTrue(sessions.sessionOpen(), "a visit that cannot be recorded does not refuse the session");
        sessions.end(still.sessionId(), still.secret(), EndReason.LOGOUT);
    }

    /**
     * The club's gate (agent.room) is asked after the authority's own checks: what it refuses
     * leaves nothing recorded and no program of the visitor ended; what it shortens is granted
     * short; it hears of the session it let start, and when the last session ended.
     */
    @Test
    void theClubsGateRefusesOrShortensASessionBeforeAnythingIsDone() throws Exception {
        Granted first = guest();
        clock.advance(Duration.ofMinutes(5));
        sessions.end(first.sessionId(), first.secret(), EndReason.LOGOUT);
        Instant firstEnded = clock.instant();
        visitor.calls.clear();
        List<Object> heard = new ArrayList<>();
        sessions.admitThrough(new StartGate() {
            @Override
            public Duration admit(VisitorKind kind, Duration allowed, Instant lastEnded)
                    throws SessionRefusedException {
                heard.add(lastEnded);
                if (heard.size() == 1) {
                    throw new SessionRefusedException(ErrorCodes.CLOSED, "the club is closed now");
                }
                return Duration.ofMinutes(20);
            }

            @Override
            public void started(String sessionId, Instant startedAt) {
                heard.add(sessionId);
            }
        });
        SessionRefusedException refused = assertThrows(SessionRefusedException.class, this::guest);
        assertEquals(ErrorCodes.CLOSED, refused.code());
        assertEquals(List.of(), visitor.calls, "nothing is done for a refused session");
        assertFalse(sessions.sessionOpen());

        Granted shortened = guest();
        assertEquals(Duration.ofMinutes(20), shortened.remaining());
        assertEquals(List.of(firstEnded, firstEnded, shortened.sessionId()), heard);
        assertEquals(
                Duration.ofMinutes(20),
                ledger.find(shortened.sessionId()).orElseThrow().allowed());
    }

    /** What staff do from the club page: only for the session named by its start, and the normal end. */
    @Test
    void staffFromTheClubPageReachOnlyTheSessionNamedByItsStart() throws Exception {
        Granted g = guest();
        Instant named = Instant.ofEpochSecond(g.startedAt().getEpochSecond());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofMinutes(75).minusSeconds(10), sessions.extendStarted(named, Duration.ofMinutes(15)));
        assertEquals(
                ErrorCodes.SESSION_ENDED,
                assertThrows(
                                SessionRefusedException.class,
                                () -> sessions.extendStarted(named.minusSeconds(1), Duration.ofMinutes(15)))
                        .code());
        assertEquals(
                ErrorCodes.SESSION_AUTH_REQUIRED,
                assertThrows(
                                SessionRefusedException.class,
                                () -> sessions.extendOwn(g.sessionId(), "guessed", Duration.ofMinutes(15)))
                        .code());
        assertEquals(
                Duration.ofMinutes(90).minusSeconds(10),
                sessions.extendOwn(g.sessionId(), g.secret(), Duration.ofMinutes(15)));

        sessions.endStarted(named);
        SessionRecord ended = ledger.find(g.sessionId()).orElseThrow();
        assertEquals(EndReason.STAFF, ended.endReason());
        assertEquals(ClosedBy.AGENT, ended.closedBy());
        assertEquals(Boolean.TRUE, ended.wipeSucceeded());
        assertFalse(sessions.endOpen(EndReason.STAFF), "nothing open to end");
        assertThrows(IllegalArgumentException.class, () -> sessions.endOpen(EndReason.INTERRUPTED));
    }
}
