package bg.digiclub.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import bg.digiclub.kiosk.testing.FakeTicker;

class SessionTimerTest {
    private final FakeTicker ticker = new FakeTicker();

    @Test
    void remainingFallsWithTheTickerAndStopsAtZero() {
        SessionTimer timer = new SessionTimer(ticker, Duration.ofMinutes(60));
        ticker.advance(Duration.ofMinutes(59));
        assertEquals(Duration.ofMinutes(1), timer.remaining());
        ticker.advance(Duration.ofMinutes(5));
        assertEquals(Duration.ZERO, timer.remaining());
        assertTrue(timer.expired());
    }

    @Test
    void itFollowsTheAgentsTimeLeft() {
        SessionTimer timer = new SessionTimer(ticker, Duration.ofMinutes(60));
        ticker.advance(Duration.ofMinutes(50));
        timer.syncTo(Duration.ofMinutes(25)); // staff extended by 15 minutes at the agent
        assertEquals(Duration.ofMinutes(25), timer.remaining());
        assertEquals(Duration.ofMinutes(75), timer.allowed());
        timer.syncTo(Duration.ZERO); // the agent's time is up
        assertTrue(timer.expired());
    }

    @Test
    void nonPositiveLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionTimer(ticker, Duration.ZERO));
    }
}
