package bg.digiclub.kiosk.platform.linux;

import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.Platform;

/** Linux with X11: idle time from the screensaver extension. */
public final class LinuxPlatform implements Platform {
    public static final String CONFIG_KEY = "linux";

    @Override
    public String configKey() {
        return CONFIG_KEY;
    }

    @Override
    public IdleMonitor idleMonitor() {
        return new X11IdleMonitor(null);
    }
}
