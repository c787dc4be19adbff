package bg.digiclub.kiosk.platform.current;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import bg.digiclub.kiosk.platform.linux.LinuxPlatform;
import bg.digiclub.kiosk.platform.windows.WindowsPlatform;

class PlatformsTest {
    @Test
    void picksByOsName() {
        assertInstanceOf(LinuxPlatform.class, Platforms.forOsName("Linux"));
        assertInstanceOf(WindowsPlatform.class, Platforms.forOsName("Windows 10"));
        assertInstanceOf(WindowsPlatform.class, Platforms.forOsName("Windows Server 2022"));
        assertEquals("linux", Platforms.forOsName("Linux").configKey());
        assertEquals("windows", Platforms.forOsName("Windows 11").configKey());
    }

    @Test
    void unsupportedOsIsNamed() {
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, () -> Platforms.forOsName("Mac OS X"));
        assertEquals("The kiosk runs on Linux and Windows, not on 'Mac OS X'", e.getMessage());
    }
}
