package bg.digiclub.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakePlatform;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.MutableClock;

class SessionViewModelTest {
    private static final SessionSettings SETTINGS = new SessionSettings(Duration.ofMinutes(60),
            List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), Duration.ofMinutes(10),
            Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5));

    private final EventLog log = new EventLog();
    private final FakeAgentClient agent = new FakeAgentClient(log);
    private final FakePlatform.Idle idle = new FakePlatform.Idle();
    private final FakeTicker ticker = new FakeTicker();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-04T09:00:00Z"), ZoneId.of("Europe/Sofia"));
    private final List<EndReason> ended = new ArrayList<>();
    private SessionViewModel session;

    @BeforeEach
    void setUp() {
        session = new SessionViewModel(SETTINGS, agent, idle, FakePlatform.processes(log), FakePlatform.wipe(log),
                ticker, clock, () -> "session-" + (agent.starts.size() + 1), Runnable::run, Runnable::run);
        session.onEnded(ended::add);
    }

    /** Moves the ticker minute by minute, ticking like the UI does, and collects the warnings shown. */
    private List<Duration> runFor(Duration total, Duration step) {
        List<Duration> shown = new ArrayList<>();
        session.warningProperty().addListener((obs, old, warning) -> {
            if (warning != null && warning.kind() == SessionWarning.Kind.TIME_LEFT) {
                shown.add(warning.left());
            }
        });
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
            ticker.advance(step);
            session.tick();
        }
        return shown;
    }

    @Test
    void guestSessionStartsWithTheConfiguredLengthAndTellsTheAgent() {
        session.startGuest(Demographics.NOT_DECLARED);

        assertEquals(SessionViewModel.State.RUNNING, session.stateProperty().get());
        assertEquals(Duration.ofMinutes(60), session.remainingProperty().get());
        assertEquals(1, agent.starts.size());
        assertEquals(VisitorKind.GUEST, agent.starts.get(0).kind());
        assertEquals(Duration.ofMinutes(60), agent.starts.get(0).allowed());
        assertEquals(clock.instant(), agent.starts.get(0).startedAt());
    }

    @Test
    void warningsFireOnceEachAtTenFiveAndOneMinute() {
        session.startGuest(Demographics.NOT_DECLARED);

        List<Duration> shown = runFor(Duration.ofMinutes(59).plusSeconds(30), Duration.ofSeconds(1));

        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), shown);
        assertEquals(SessionViewModel.State.RUNNING, session.stateProperty().get());
        assertEquals(Duration.ofSeconds(30), session.remainingProperty().get());
    }

    @Test
    void timeoutEndsTheSessionClosesAppsWipesTellsTheAgentThenLocks() {
        session.startGuest(Demographics.NOT_DECLARED);

        runFor(Duration.ofMinutes(60), Duration.ofSeconds(10));

        assertEquals(List.of(EndReason.TIMEOUT), ended);
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        List<String> order = log.events().stream().filter(e -> !e.equals("agent:heartbeat")).toList();
        assertEquals(List.of("agent:start GUEST", "processes:endAll", "wipe:run", "agent:end TIMEOUT"), order);
        SessionEnd end = agent.ends.get(0);
        assertEquals("session-1", end.sessionId());
        assertEquals(2, end.wipe().size());
        assertTrue(end.wipeSucceeded());
        assertNull(session.warningProperty().get());
    }

    @Test
    void heartbeatEveryThirtySecondsWithTheTimeLeft() {
        session.startGuest(Demographics.NOT_DECLARED);

        runFor(Duration.ofMinutes(5), Duration.ofSeconds(1));

        assertEquals(10, agent.heartbeats.size());
        assertEquals(Duration.ofMinutes(55), agent.heartbeats.get(9).remaining());
    }

    @Test
    void wallClockJumpsChangeNothing() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(20));
        session.tick();

        clock.shift(Duration.ofHours(-3));
        session.tick();
        assertEquals(Duration.ofMinutes(40), session.remainingProperty().get());

        clock.shift(Duration.ofDays(2));
        session.tick();
        assertEquals(Duration.ofMinutes(40), session.remainingProperty().get());
        assertEquals(SessionViewModel.State.RUNNING, session.stateProperty().get());
    }

    @Test
    void countdownKeepsRunningWhenTicksAreLateAndNeverFreezes() {
        session.startGuest(Demographics.NOT_DECLARED);
        // the UI was blocked for 52 minutes: the next tick shows the truth and the most urgent warning
        ticker.advance(Duration.ofMinutes(52));
        session.tick();

        assertEquals(Duration.ofMinutes(8), session.remainingProperty().get());
        assertEquals(new SessionWarning(SessionWarning.Kind.TIME_LEFT, Duration.ofMinutes(10)),
                session.warningProperty().get());
    }

    @Test
    void idleShowsTheWarningAndThenEndsTheSessionAsIdle() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(11));
        idle.idle = Optional.of(Duration.ofMinutes(10));
        session.tick();
        assertEquals(SessionWarning.Kind.IDLE, session.warningProperty().get().kind());
        assertEquals(Duration.ofSeconds(60), session.idleGraceLeft());

        ticker.advance(Duration.ofSeconds(59));
        session.tick();
        assertEquals(SessionViewModel.State.RUNNING, session.stateProperty().get());

        ticker.advance(Duration.ofSeconds(1));
        session.tick();
        assertEquals(List.of(EndReason.IDLE), ended);
        assertEquals(EndReason.IDLE, agent.ends.get(0).reason());
    }

    @Test
    void stillHereKeepsTheSessionEvenBeforeTheOsNoticesTheInput() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(11));
        idle.idle = Optional.of(Duration.ofMinutes(11));
        session.tick();

        session.stillHere();
        assertNull(session.warningProperty().get());
        ticker.advance(Duration.ofMinutes(2));
        session.tick();

        assertNull(session.warningProperty().get());
        assertEquals(SessionViewModel.State.RUNNING, session.stateProperty().get());
    }

    @Test
    void inputElsewhereClearsTheIdleWarning() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(11));
        idle.idle = Optional.of(Duration.ofMinutes(10));
        session.tick();
        idle.idle = Optional.of(Duration.ofSeconds(2));
        ticker.advance(Duration.ofSeconds(5));
        session.tick();

        assertNull(session.warningProperty().get());
    }

    @Test
    void noIdleSourceMeansNoIdleEnd() {
        idle.idle = Optional.empty();
        session.startGuest(Demographics.NOT_DECLARED);
        runFor(Duration.ofMinutes(30), Duration.ofMinutes(1));
        assertEquals(SessionViewModel.State.RUNNING, session.stateProperty().get());
    }

    @Test
    void staffExtensionAddsTimeAndRearmsTheWarnings() {
        session.startGuest(Demographics.NOT_DECLARED);
        List<Duration> shown = runFor(Duration.ofMinutes(56), Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5)), shown);

        session.extend(Duration.ofMinutes(15));
        assertEquals(Duration.ofMinutes(19), session.remainingProperty().get());
        assertNull(session.warningProperty().get());

        List<Duration> later = runFor(Duration.ofMinutes(18).plusSeconds(30), Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), later);
    }

    @Test
    void memberSessionUsesTheAgentsAllowanceAndSkipsWarningsAboveIt() {
        session.startMember("100200", Demographics.NOT_DECLARED, Duration.ofMinutes(8));
        assertEquals(VisitorKind.MEMBER, agent.starts.get(0).kind());
        assertEquals("100200", agent.starts.get(0).memberCode());

        List<Duration> shown = runFor(Duration.ofMinutes(7).plusSeconds(30), Duration.ofSeconds(10));

        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(1)), shown);
    }

    @Test
    void visitorAndStaffEndsCarryTheirReasons() {
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByStaff();

        assertEquals(List.of(EndReason.LOGOUT, EndReason.STAFF), ended);
        assertEquals(List.of("session-1", "session-2"), agent.ends.stream().map(SessionEnd::sessionId).toList());
    }

    @Test
    void aFailingWipeIsRecordedAndStillLocks() {
        session = new SessionViewModel(SETTINGS, agent, idle, FakePlatform.processes(log), () -> {
            throw new IllegalStateException("disk gone");
        }, ticker, clock, () -> "s", Runnable::run, Runnable::run);
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();

        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(false, agent.ends.get(0).wipeSucceeded());
    }

    @Test
    void aSecondStartWhileRunningIsRefused() {
        session.startGuest(Demographics.NOT_DECLARED);
        assertThrows(IllegalStateException.class, () -> session.startGuest(Demographics.NOT_DECLARED));
    }

    @Test
    void recoveryClosesTheInterruptedSessionAndWipes() {
        agent.openSession = "crashed-1";
        session.recoverInterrupted();

        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(List.of("processes:endAll", "wipe:run", "agent:end INTERRUPTED"), log.events());
        assertEquals("crashed-1", agent.ends.get(0).sessionId());
    }

    @Test
    void recoveryWipesEvenWhenTheAgentCannotBeAsked() {
        agent.reachable = false;
        session.recoverInterrupted();

        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(List.of("processes:endAll", "wipe:run"), log.events());
    }

    @Test
    void recoveryWithNothingOpenStillWipesButTellsNobody() {
        session.recoverInterrupted();
        assertEquals(List.of("processes:endAll", "wipe:run"), log.events());
        assertTrue(agent.ends.isEmpty());
    }
}
