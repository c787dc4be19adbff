package bg.digiclub.kiosk.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.platform.IdleMonitor;

/**
 * Harmless stand-ins for {@code --demo}: a developer's desktop gets no program started by the
 * launcher. Each says in the log what the real one would do (the demo agent resets nothing).
 */
public final class DemoPlatform {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);

    private DemoPlatform() {
    }

    /** Never reports idleness, so the idle warning appears only in tests. */
    public static IdleMonitor idleMonitor() {
        return new IdleMonitor() {
            @Override
            public Optional<Duration> idleTime() {
                return Optional.empty();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** The kinds of application a club allows; starting one only logs. */
    public static AppLauncher launcher() {
        List<AllowedApp> apps = List.of(
                new AllowedApp("browser", "Firefox", null, List.of("firefox"), TileCategory.BROWSING),
                new AllowedApp("office", "LibreOffice", null, List.of("libreoffice"), TileCategory.WRITING),
                new AllowedApp("egov", "Електронно управление", null, List.of("firefox", "https://egov.bg"), TileCategory.E_GOVERNMENT),
                new AllowedApp("learning", "Дигитална академия", null, List.of("firefox"), TileCategory.LEARNING));
        return new AppLauncher() {
            @Override
            public void launch(AllowedApp app) throws IOException {
                if (!apps.contains(app)) {
                    throw new IOException(app.id() + " is not allowed");
                }
                LOG.info("demo: would start {} ({})", app.name(), String.join(" ", app.command()));
            }

            @Override
            public boolean startsNothing() {
                return true;
            }

            @Override
            public List<AllowedApp> apps() {
                return apps;
            }
        };
    }
}
