package bg.digiclub.kiosk.platform.windows;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import bg.digiclub.kiosk.platform.ClipboardCleaner;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.Platform;
import bg.digiclub.kiosk.platform.ProcessSelection;
import bg.digiclub.kiosk.platform.ProcessSnapshot;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.platform.UserSessionProcesses;

/** Windows 10+: GetLastInputInfo for idle time, user32 for the clipboard. Not run on this project's CI. */
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

    @Override
    public SessionProcesses sessionProcesses(String visitorUser, Set<String> keepExecutables) {
        // Windows has no zombies: a process that ended is gone from the table.
        return new UserSessionProcesses(new ProcessSelection(ownedBy(visitorUser), keepExecutables), h -> !h.isAlive());
    }

    /**
     * Windows reports owners as {@code COMPUTER\visitor} and account names are case-insensitive,
     * so {@code visitor} matches {@code CLUB-PC3\Visitor}.
     */
    static Predicate<ProcessSnapshot> ownedBy(String visitorUser) {
        Objects.requireNonNull(visitorUser, "visitorUser");
        if (visitorUser.isBlank()) {
            throw new IllegalArgumentException("visitor user name is blank");
        }
        String wanted = accountName(visitorUser);
        return p -> !p.user().isEmpty() && accountName(p.user()).equals(wanted);
    }

    private static String accountName(String user) {
        return user.substring(user.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public ClipboardCleaner clipboardCleaner() {
        return new WindowsClipboardCleaner();
    }
}
