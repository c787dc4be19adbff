package bg.digiclub.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakePlatform;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.Countdown;

/**
 * The session asks for a tick only when something it shows or does is due ({@link
 * SessionViewModel#untilNextTick()}), and driven by nothing but those ticks it still shows every
 * second of the countdown, warns, notices idleness, sends heartbeats and ends on time.
 */
class SessionTicksTest {
    private static final SessionSettings SETTINGS =
            TestSessions.hourWarningAt(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)));

    private final EventLog log = new EventLog();
    private final FakePlatform.Idle idle = new FakePlatform.Idle();
    private final FakeTicker ticker = new FakeTicker();
    private final FakeAgentClient agent = new FakeAgentClient(log, ticker);
    private final List<EndReason> ended = new ArrayList<>();
    private SessionViewModel session;
    private long ticks;
    private Duration passed = Duration.ZERO;

    @BeforeEach
    void setUp() {
        session = new SessionViewModel(SETTINGS, agent, idle, ticker, Runnable::run, Runnable::run);
        session.onEnded(ended::add);
    }

    /** Ticks as the kiosk does: each time when the session says, while it asks for one within {@code limit}. */
    private void runOnItsOwnTicks(Duration limit) {
        Duration start = passed;
        Optional<Duration> wait = session.untilNextTick();
        while (wait.isPresent() && passed.minus(start).plus(wait.get()).compareTo(limit) <= 0) {
            ticker.advance(wait.get());
            passed = passed.plus(wait.get());
            session.tick();
            ticks++;
            wait = session.untilNextTick();
        }
    }

    @Test
    void aQuietLockScreenAsksForNoTickAtAll() {
        session.recoverInterrupted();
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(Optional.empty(), session.untilNextTick());

        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(Optional.empty(), session.untilNextTick(), "nor after a session");
    }

    @Test
    void aRunningSessionWakesJustWhenTheCountdownShowsAnotherSecond() {
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(Optional.of(Duration.ofSeconds(1)), session.untilNextTick(), "60:00 shows until 59:59");

        ticker.advance(Duration.ofMillis(300));
        session.tick();
        assertEquals("60:00", Countdown.format(session.remainingProperty().get()));
        assertEquals(Optional.of(Duration.ofMillis(700)), session.untilNextTick());

        List<String> shown = new ArrayList<>();
        session.remainingProperty().addListener((obs, old, left) -> shown.add(Countdown.format(left)));
        runOnItsOwnTicks(Duration.ofMinutes(3));

        assertEquals(180, ticks, "one tick a second, not four");
        assertEquals("59:59", shown.get(0));
        for (int i = 1; i < shown.size(); i++) {
            assertEquals(
                    Countdown.format(Duration.ofSeconds(3599 - i)), shown.get(i), "every second shown, none skipped");
        }
    }

    @Test
    void drivenOnlyByItsOwnTicksASessionWarnsSendsHeartbeatsAndEndsOnTime() {
        List<Duration> warned = new ArrayList<>();
        session.warningProperty().addListener((obs, old, warning) -> {
            if (warning != null) {
                warned.add(warning.left());
            }
        });
        session.startGuest(Demographics.NOT_DECLARED);

        runOnItsOwnTicks(Duration.ofMinutes(61));

        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), warned);
        assertEquals(List.of(EndReason.TIMEOUT), ended);
        assertEquals(Duration.ofMinutes(60), passed, "ended the moment the time was up");
        assertEquals(3600, ticks);
        long heartbeats =
                log.events().stream().filter("agent:heartbeat"::equals).count();
        assertEquals(119, heartbeats, "every 30 s while the session ran");
    }

    @Test
    void anIdleVisitorIsWarnedAndTheWarningCountsDownToTheSecond() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(10).plusMillis(400));
        session.tick();
        idle.idle = Optional.of(Duration.ofMinutes(10));
        ticker.advance(Duration.ofMillis(250));
        session.tick();
        assertEquals(SessionWarning.Kind.IDLE, session.warningProperty().get().kind());

        // the warning's own seconds run 250 ms off the countdown's: the sooner of the two
        assertEquals(Optional.of(Duration.ofMillis(350)), session.untilNextTick());
        ticker.advance(Duration.ofMillis(350));
        session.tick();
        assertEquals(Optional.of(Duration.ofMillis(650)), session.untilNextTick(), "the warning's next second");

        runOnItsOwnTicks(Duration.ofMinutes(2));
        assertEquals(List.of(EndReason.IDLE), ended);
        assertEquals(Duration.ofMillis(59_650), passed, "ended the moment the grace ran out, 60 s after the warning");
    }

    @Test
    void whileTheAgentCannotBeReachedItIsAskedAgainEveryHeartbeatInterval() {
        agent.reachable = false;
        session.recoverInterrupted();
        assertTrue(session.outOfOrderProperty().get());
        assertEquals(Optional.of(SETTINGS.heartbeatInterval()), session.untilNextTick());

        runOnItsOwnTicks(Duration.ofMinutes(2));
        assertEquals(4, ticks, "a tick per question, no more");

        agent.reachable = true;
        runOnItsOwnTicks(Duration.ofMinutes(2));
        assertFalse(session.outOfOrderProperty().get(), "in order again at the next question");
        assertEquals(Optional.empty(), session.untilNextTick(), "and quiet after it");
    }

    @Test
    void aRestartedKioskWaitingForTheLostSessionAsksWithinSeconds() {
        agent.openSession = true;
        session.recoverInterrupted();
        assertEquals(Optional.of(PcAvailability.WAITING_INTERVAL), session.untilNextTick());

        agent.openSession = false;
        runOnItsOwnTicks(Duration.ofSeconds(10));
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get());
        assertEquals(PcAvailability.WAITING_INTERVAL, passed);
    }

    @Test
    void anEndTheAgentDidNotHearIsSentAgainEveryHeartbeatInterval() {
        session.startGuest(Demographics.NOT_DECLARED);
        agent.reachable = false;
        session.endByVisitor();
        assertEquals(SessionViewModel.State.ENDING, session.stateProperty().get());
        assertEquals(Optional.of(SETTINGS.heartbeatInterval()), session.untilNextTick());

        agent.reachable = true;
        runOnItsOwnTicks(Duration.ofMinutes(1));
        assertEquals(List.of(EndReason.LOGOUT), ended);
        assertEquals(SETTINGS.heartbeatInterval(), passed);
    }
}
