package bg.digiclub.kiosk.platform.linux;

import java.util.Set;

import bg.digiclub.kiosk.platform.ClipboardCleaner;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.Platform;
import bg.digiclub.kiosk.platform.ProcessSelection;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.platform.UserSessionProcesses;

/** Linux with X11: idle time from the screensaver extension, clipboard via xsel. */
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

    @Override
    public SessionProcesses sessionProcesses(String visitorUser, Set<String> keepExecutables) {
        return new UserSessionProcesses(new ProcessSelection(ProcessSelection.ownedBy(visitorUser), keepExecutables), ProcStat::exited);
    }

    @Override
    public ClipboardCleaner clipboardCleaner() {
        return XselClipboardCleaner.fromEnvironment();
    }
}
