package bg.digiclub.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakePlatform;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.Countdown;

class SessionViewModelTest {
    private static final SessionSettings SETTINGS =
            TestSessions.hourWarningAt(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)));

    private final EventLog log = new EventLog();
    private final FakePlatform.Idle idle = new FakePlatform.Idle();
    private final FakeTicker ticker = new FakeTicker();
    private final FakeAgentClient agent = new FakeAgentClient(log, ticker);
    private final List<EndReason> ended = new ArrayList<>();
    private SessionViewModel session;

    @BeforeEach
    void setUp() {
        session = new SessionViewModel(SETTINGS, agent, idle, ticker, Runnable::run, Runnable::run);
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
        assertNull(session.noticeProperty().get());
    }

    @Test
    void aStartTheAgentRefusesLeavesTheLockScreenWithTheReason() {
        agent.refuseStart = ErrorCodes.BUSY;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(Message.of("lock.notice.busy"), session.noticeProperty().get());
        assertFalse(session.outOfOrderProperty().get());

        agent.refuseStart = ErrorCodes.OUT_OF_ORDER;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(
                Message.of("lock.notice.outOfOrder"), session.noticeProperty().get());
        assertTrue(session.outOfOrderProperty().get());

        agent.refuseStart = null;
        agent.reachable = false;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(
                Message.of("lock.notice.unavailable"), session.noticeProperty().get());
        assertTrue(agent.starts.isEmpty());
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
    void timeoutAsksTheAgentToEndAndResetThenLocks() {
        session.startGuest(Demographics.NOT_DECLARED);

        runFor(Duration.ofMinutes(60), Duration.ofSeconds(10));

        assertEquals(List.of(EndReason.TIMEOUT), ended);
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        List<String> order =
                log.events().stream().filter(e -> !e.equals("agent:heartbeat")).toList();
        assertEquals(List.of("agent:start GUEST", "agent:end TIMEOUT"), order);
        assertFalse(session.outOfOrderProperty().get());
        assertNull(session.warningProperty().get());
    }

    @Test
    void heartbeatEveryThirtySeconds() {
        session.startGuest(Demographics.NOT_DECLARED);

        runFor(Duration.ofMinutes(5), Duration.ofSeconds(1));

        assertEquals(10, log.events().stream().filter("agent:heartbeat"::equals).count());
    }

    @Test
    void theCountdownFollowsTheAgentsClock() {
        session.startGuest(Demographics.NOT_DECLARED);
        // the kiosk was stopped for a while; the agent's clock kept going
        agent.remainingAnswer = Duration.ofMinutes(41);
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(Duration.ofMinutes(41), session.remainingProperty().get());

        agent.remainingAnswer = Duration.ofMinutes(40).plusSeconds(29); // within the two seconds of drift: no jump
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(
                Duration.ofMinutes(40).plusSeconds(30),
                session.remainingProperty().get());
    }

    @Test
    void aSessionTheAgentEndedLocksTheScreenWithoutAnotherEnd() {
        session.startGuest(Demographics.NOT_DECLARED);
        agent.endedByAgent = true;
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(List.of(EndReason.INTERRUPTED), ended);
        assertTrue(agent.ends.isEmpty(), "the agent already ended it and reset the visitor");
    }

    @Test
    void countdownKeepsRunningWhenTicksAreLateAndNeverFreezes() {
        session.startGuest(Demographics.NOT_DECLARED);
        // the UI was blocked for 52 minutes: the next tick shows the truth and the most urgent warning
        ticker.advance(Duration.ofMinutes(52));
        session.tick();

        assertEquals(Duration.ofMinutes(8), session.remainingProperty().get());
        assertEquals(
                new SessionWarning(SessionWarning.Kind.TIME_LEFT, Duration.ofMinutes(10)),
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
        assertEquals(List.of(EndReason.IDLE), agent.ends);
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
    void staffExtensionAddsTimeAndRearmsTheWarnings() throws Exception {
        session.startGuest(Demographics.NOT_DECLARED);
        List<Duration> shown = runFor(Duration.ofMinutes(56), Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5)), shown);

        List<Exception> answers = new ArrayList<>();
        session.extend(Duration.ofMinutes(15), answers::add);
        assertTrue(answers.get(0) instanceof AgentRefusedException, "the agent extends only for staff");
        answers.clear();
        assertTrue(agent.authenticateStaff(FakeAgentClient.STAFF_PIN.toCharArray()));
        session.extend(Duration.ofMinutes(15), answers::add);
        assertEquals(1, answers.size());
        assertNull(answers.get(0), "the agent agreed");
        assertTrue(log.events().contains("agent:extend 15"), "the agent, which checks the staff token, extends");
        assertEquals(Duration.ofMinutes(19), session.remainingProperty().get());
        assertNull(session.warningProperty().get());

        List<Duration> later = runFor(Duration.ofMinutes(18).plusSeconds(30), Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), later);
    }

    @Test
    void memberSessionUsesTheAgentsAllowanceAndSkipsWarningsAboveIt() {
        session.startMember("100200", Demographics.NOT_DECLARED, Duration.ofMinutes(8));
        assertEquals(VisitorKind.MEMBER, agent.starts.get(0).kind());
        assertEquals("100200", agent.starts.get(0).cardCode());

        List<Duration> shown = runFor(Duration.ofMinutes(7).plusSeconds(30), Duration.ofSeconds(10));

        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(1)), shown);
    }

    @Test
    void visitorAndStaffEndsCarryTheirReasons() throws Exception {
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();
        assertTrue(agent.authenticateStaff(FakeAgentClient.STAFF_PIN.toCharArray()));
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByStaff();

        assertEquals(List.of(EndReason.LOGOUT, EndReason.STAFF), ended);
        assertEquals(List.of(EndReason.LOGOUT, EndReason.STAFF), agent.ends);
    }

    @Test
    void aStaffEndWhoseLoginLapsedStillEndsTheSessionAsALogout() {
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByStaff(); // the agent no longer knows the staff login
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(List.of(EndReason.LOGOUT), agent.ends, "the visitor could have pressed End; the label is honest");
    }

    @Test
    void aFailedResetShowsThePcOutOfOrderUntilAResetSucceeds() {
        agent.resetFails = true;
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();

        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertTrue(session.outOfOrderProperty().get());
        assertEquals(
                Message.of("lock.notice.outOfOrder"), session.noticeProperty().get());

        agent.resetFails = false;
        session.startGuest(Demographics.NOT_DECLARED); // staff, or the agent's own retry, fixed it
        assertFalse(session.outOfOrderProperty().get());
        assertNull(session.noticeProperty().get());
    }

    @Test
    void anEndTheAgentCannotTakeKeepsThePcClosedAndIsSentAgain() {
        session.startGuest(Demographics.NOT_DECLARED);
        agent.reachable = false;
        session.endByVisitor();
        assertEquals(SessionViewModel.State.ENDING, session.stateProperty().get());
        assertTrue(session.outOfOrderProperty().get());
        assertTrue(ended.isEmpty());

        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(SessionViewModel.State.ENDING, session.stateProperty().get(), "still no agent");

        agent.reachable = true;
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(List.of(EndReason.LOGOUT), agent.ends);
        assertEquals(List.of(EndReason.LOGOUT), ended);
        assertFalse(session.outOfOrderProperty().get());
    }

    @Test
    void aSecondStartWhileRunningIsRefused() {
        session.startGuest(Demographics.NOT_DECLARED);
        assertThrows(IllegalStateException.class, () -> session.startGuest(Demographics.NOT_DECLARED));
    }

    @Test
    void afterARestartTheLockScreenWaitsUntilTheAgentHasEndedTheLostSession() {
        agent.openSession = true;
        session.recoverInterrupted();
        assertEquals(SessionViewModel.State.ENDING, session.stateProperty().get());

        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(SessionViewModel.State.ENDING, session.stateProperty().get());

        agent.openSession = false; // the agent's watchdog ended it and reset the visitor
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertTrue(agent.ends.isEmpty(), "the kiosk cannot end a session it lost, nor needs to");
    }

    @Test
    void recoveryWithNothingOpenShowsTheLockScreen() {
        session.recoverInterrupted();
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertNull(session.noticeProperty().get());
    }

    @Test
    void withoutTheAgentOnlyStaffGetInUntilItAnswers() {
        agent.reachable = false;
        session.recoverInterrupted();
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(
                Message.of("lock.notice.unavailable"), session.noticeProperty().get());
        assertTrue(session.outOfOrderProperty().get(), "no session could start, nor be reset after");

        agent.reachable = true;
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertFalse(session.outOfOrderProperty().get());
        assertNull(session.noticeProperty().get());
    }

    /**
     * A kiosk restarted after a kill: the agent still holds the lost session for a moment (it ends
     * it as soon as it sees the old kiosk gone); the lock screen says "preparing" and asks again
     * within seconds, not a heartbeat interval (30 s) later.
     */
    @Test
    void aRestartedKioskIsFreeWithinSecondsOfTheAgentEndingTheLostSession() {
        agent.openSession = true;
        session.recoverInterrupted();
        assertEquals(
                SessionViewModel.State.ENDING, session.stateProperty().get(), "preparing while the agent holds it");

        agent.openSession = false; // the agent ended the dead kiosk's session
        runFor(PcAvailability.WAITING_INTERVAL, Duration.ofMillis(500));
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get(), "free at the next ask, seconds later");
    }

    @Test
    void anOutOfOrderPcAsksTheAgentUntilItsResetSucceeds() {
        agent.resetFails = true;
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();
        assertTrue(session.outOfOrderProperty().get());

        agent.outOfOrder = true; // the agent's retries fail too
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertTrue(session.outOfOrderProperty().get());
        assertTrue(log.events().contains("agent:status"));

        agent.outOfOrder = false; // the agent's retry a minute later worked
        runFor(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertFalse(session.outOfOrderProperty().get());
        assertNull(session.noticeProperty().get());
    }

    @Test
    void theFirstSessionHintShowsAtTheStartUntilClosedAndGoesWithTheSession() {
        assertFalse(session.hintProperty().get(), "no hint without a session");
        session.startGuest(Demographics.NOT_DECLARED);
        assertTrue(session.hintProperty().get(), "a new session opens with the hint");
        session.closeHint();
        assertFalse(session.hintProperty().get());

        session.endByVisitor();
        session.startGuest(Demographics.NOT_DECLARED);
        assertTrue(session.hintProperty().get(), "the next visitor sees it again");
        session.endByVisitor();
        assertFalse(session.hintProperty().get(), "the hint goes with the session");
    }

    @Test
    void aWarningTakesTheHintsPlace() {
        session.startGuest(Demographics.NOT_DECLARED);
        assertTrue(session.hintProperty().get());
        runFor(Duration.ofMinutes(51), Duration.ofMinutes(1));
        assertNotNull(session.warningProperty().get());
        assertFalse(session.hintProperty().get(), "one note at a time over the desktop");
    }

    @Test
    void theLastMinuteIsCountedInSeconds() {
        SessionWarning oneMinute = new SessionWarning(SessionWarning.Kind.TIME_LEFT, Duration.ofMinutes(1));
        SessionWarning tenMinutes = new SessionWarning(SessionWarning.Kind.TIME_LEFT, Duration.ofMinutes(10));
        I18n bg = new I18n(Language.BG);
        I18n en = new I18n(Language.EN);

        assertEquals("Остават 10 минути", bg.format(WarningView.timeLeftTitle(tenMinutes, Duration.ofMinutes(10))));
        assertEquals("Остава 1 минута", bg.format(WarningView.timeLeftTitle(oneMinute, Duration.ofSeconds(60))));
        assertEquals(
                "Остават 59 секунди",
                bg.format(WarningView.timeLeftTitle(
                        oneMinute, Duration.ofSeconds(58).plusMillis(250))),
                "rounded up, as the bar shows 0:59");
        assertEquals("Остават 6 секунди", bg.format(WarningView.timeLeftTitle(oneMinute, Duration.ofSeconds(6))));
        assertEquals("Остава 1 секунда", bg.format(WarningView.timeLeftTitle(oneMinute, Duration.ofMillis(400))));
        assertEquals("6 seconds left", en.format(WarningView.timeLeftTitle(oneMinute, Duration.ofSeconds(6))));
        assertEquals("1 second left", en.format(WarningView.timeLeftTitle(oneMinute, Duration.ofSeconds(1))));
        assertEquals("0:06", Countdown.format(Duration.ofSeconds(6)));
    }
}
