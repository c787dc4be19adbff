package bg.digiclub.kiosk.platform.linux;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Live tests against a real X server (a private Xvfb with the MIT-SCREEN-SAVER extension) and
 * real input from xdotool. Needs the Debian packages xvfb, libxss1 and xdotool.
 */
class X11IdleMonitorTest {

    @Test
    void idleGrowsWhileNothingHappensAndDropsAfterInput() throws Exception {
        XvfbServer.requireTool("xdotool", "xdotool");
        try (XvfbServer x = XvfbServer.start();
                X11IdleMonitor monitor = new X11IdleMonitor(x.display())) {
            x.run("xdotool", "mousemove", "10", "10");
            Duration afterMove = monitor.idleTime().orElseThrow();

            Duration quiet = waitUntilIdleAtLeast(monitor, afterMove.plusMillis(400));
            assertTrue(quiet.compareTo(afterMove) > 0, "idle should grow: " + afterMove + " then " + quiet);

            x.run("xdotool", "mousemove", "200", "150");
            Duration afterMouse = monitor.idleTime().orElseThrow();
            assertTrue(
                    afterMouse.compareTo(quiet) < 0, "mouse input should reset idle: " + quiet + " then " + afterMouse);

            Duration quietAgain = waitUntilIdleAtLeast(monitor, afterMouse.plusMillis(400));
            x.run("xdotool", "key", "shift");
            Duration afterKey = monitor.idleTime().orElseThrow();
            assertTrue(
                    afterKey.compareTo(quietAgain) < 0,
                    "key input should reset idle: " + quietAgain + " then " + afterKey);
        }
    }

    @Test
    void answersEmptyAndKeepsTheJvmAliveWhenTheXServerDies() throws Exception {
        XvfbServer x = XvfbServer.start();
        try (X11IdleMonitor monitor = new X11IdleMonitor(x.display())) {
            assertTrue(monitor.idleTime().isPresent(), "a live server answers");

            x.close();

            // Without the returning exit handler Xlib would call exit(1) here and the test JVM would vanish.
            assertEquals(Optional.empty(), monitor.idleTime());
            assertEquals(Optional.empty(), monitor.idleTime());
        } finally {
            x.close();
        }
    }

    @Test
    void answersEmptyWhenThereIsNoDisplay() {
        try (X11IdleMonitor monitor = new X11IdleMonitor(":1999")) {
            assertEquals(Optional.empty(), monitor.idleTime());
        }
    }

    /** Waits until the server reports at least {@code wanted}, and returns what it reported. */
    private static Duration waitUntilIdleAtLeast(X11IdleMonitor monitor, Duration wanted) {
        return await("the X server to report an idle time of at least " + wanted)
                .until(() -> monitor.idleTime().orElseThrow(), idle -> idle.compareTo(wanted) >= 0);
    }
}
