package bg.digiclub.kiosk.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pure parts of the Windows platform; the JNA calls themselves run only on Windows. */
class WindowsPlatformTest {
    @Test
    void idleTimeIsRightAcrossTheTickCountWrap() {
        assertEquals(Duration.ofMillis(1500), WindowsIdleMonitor.between(1000, 2500));
        // last input 100 ms before the 49.7-day wrap, now 400 ms after it
        assertEquals(Duration.ofMillis(500), WindowsIdleMonitor.between(-100, 400));
        assertEquals(Duration.ZERO, WindowsIdleMonitor.between(77, 77));
    }
}
