package bg.digiclub.kiosk.testing;

import java.time.Duration;
import java.util.List;

import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.session.SessionSettings;
import bg.digiclub.kiosk.session.SessionViewModel;

/**
 * The session view model the other view models' tests stand on: an hour's guest session, idle
 * after 10 minutes with a minute's grace, heartbeats every 30 s, a visitor who never touches the
 * PC, and work and UI run at once on the test's thread, timed by the test's ticker.
 */
public final class TestSessions {
    private TestSessions() {}

    /** An hour's guest session that warns at {@code warnings} before its end. */
    public static SessionSettings hourWarningAt(List<Duration> warnings) {
        return new SessionSettings(
                Duration.ofMinutes(60),
                warnings,
                Duration.ofMinutes(10),
                Duration.ofSeconds(60),
                SessionSettings.HEARTBEAT);
    }

    public static SessionViewModel session(List<Duration> warnings, AgentClient agent, FakeTicker ticker) {
        return new SessionViewModel(
                hourWarningAt(warnings), agent, new FakePlatform.Idle(), ticker, Runnable::run, Runnable::run);
    }
}
