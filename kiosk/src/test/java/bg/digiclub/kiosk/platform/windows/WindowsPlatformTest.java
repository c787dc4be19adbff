package bg.digiclub.kiosk.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import bg.digiclub.kiosk.platform.ProcessSnapshot;

/** The pure parts of the Windows platform; the JNA calls themselves run only on Windows. */
class WindowsPlatformTest {
    @Test
    void idleTimeIsRightAcrossTheTickCountWrap() {
        assertEquals(Duration.ofMillis(1500), WindowsIdleMonitor.between(1000, 2500));
        // last input 100 ms before the 49.7-day wrap, now 400 ms after it
        assertEquals(Duration.ofMillis(500), WindowsIdleMonitor.between(-100, 400));
        assertEquals(Duration.ZERO, WindowsIdleMonitor.between(77, 77));
    }

    @Test
    void ownerMatchesWithOrWithoutComputerNameAndIgnoringCase() {
        Predicate<ProcessSnapshot> visitor = WindowsPlatform.ownedBy("visitor");

        assertTrue(visitor.test(owned("CLUB-PC3\\Visitor")));
        assertTrue(visitor.test(owned("visitor")));
        assertFalse(visitor.test(owned("CLUB-PC3\\visitor2")));
        assertFalse(visitor.test(owned("")));
    }

    private static ProcessSnapshot owned(String user) {
        return new ProcessSnapshot(42, 1, user, "C:\\Program Files\\Mozilla Firefox\\firefox.exe", "");
    }
}
