package bg.digiclub.kiosk.platform.windows;

import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.Platform;

/** Windows 10+: GetLastInputInfo for idle time. Not run on this project's CI. */
public final class WindowsPlatform implements Platform {
    public static final String CONFIG_KEY = "windows";

    @Override
    public String configKey() {
        return CONFIG_KEY;
    }

    @Override
    public IdleMonitor idleMonitor() {
        return new WindowsIdleMonitor();
    }
}
