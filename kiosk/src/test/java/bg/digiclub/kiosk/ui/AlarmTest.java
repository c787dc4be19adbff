package bg.digiclub.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The UI thread is a queue the test runs by hand; the alarm's timer thread is real. */
class AlarmTest {
    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private final AtomicInteger rung = new AtomicInteger();
    private final Alarm alarm = new Alarm(uiThread::add, rung::incrementAndGet);

    @Test
    void ringsOnceOnTheUiThread() throws InterruptedException {
        alarm.ringIn(Duration.ZERO);
        assertTrue(alarm.set());
        assertEquals(0, rung.get(), "not on the timer's thread");

        uiThread.take().run();
        assertEquals(1, rung.get());
        assertFalse(alarm.set(), "once");
    }

    @Test
    void setAgainItForgetsTheEarlierTimeEvenIfThatRingIsOnItsWay() throws InterruptedException {
        alarm.ringIn(Duration.ZERO);
        Runnable earlier = uiThread.take();
        alarm.ringIn(Duration.ofDays(1));

        earlier.run();
        assertEquals(0, rung.get(), "the earlier time was replaced");
        assertTrue(alarm.set(), "the new time still stands");

        alarm.cancel();
        assertFalse(alarm.set());
    }

    @Test
    void aCancelledRingOnItsWayDoesNothing() throws InterruptedException {
        alarm.ringIn(Duration.ZERO);
        Runnable ring = uiThread.take();
        alarm.cancel();

        ring.run();
        assertEquals(0, rung.get());
    }
}
