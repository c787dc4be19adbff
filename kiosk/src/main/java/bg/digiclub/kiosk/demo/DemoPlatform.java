package bg.digiclub.kiosk.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.wipe.PrivacyWipe;

/**
 * Harmless stand-ins for {@code --demo}: a developer's desktop must not have its processes
 * ended or its files wiped. Each says in the log what the real one would do.
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

    public static SessionProcesses processes() {
        return grace -> {
            LOG.info("demo: would end the session's applications (grace {})", grace);
            return 0;
        };
    }

    public static PrivacyWipe wipe() {
        return () -> {
            LOG.info("demo: would run the privacy wipe");
            return List.of(new WipeStepResult("demo", true, "nothing wiped in demo mode"));
        };
    }

    /** The kinds of application a club allows; starting one only logs. */
    public static AppLauncher launcher() {
        List<AllowedApp> apps = List.of(
                new AllowedApp("browser", "Firefox", null, List.of("firefox")),
                new AllowedApp("office", "LibreOffice", null, List.of("libreoffice")),
                new AllowedApp("egov", "Електронно управление", null, List.of("firefox", "https://egov.bg")),
                new AllowedApp("learning", "Дигитална академия", null, List.of("firefox")));
        return new AppLauncher() {
            @Override
            public void launch(AllowedApp app) throws IOException {
                if (!apps.contains(app)) {
                    throw new IOException(app.id() + " is not allowed");
                }
                LOG.info("demo: would start {} ({})", app.name(), String.join(" ", app.command()));
            }

            @Override
            public List<AllowedApp> apps() {
                return apps;
            }
        };
    }
}
