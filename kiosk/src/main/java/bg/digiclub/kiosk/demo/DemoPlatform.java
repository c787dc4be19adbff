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

    private DemoPlatform() {}

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

    /**
     * The tiles a club offers, one in each group, as the installer's default {@code kiosk.properties}
     * has them; starting one only logs.
     */
    public static AppLauncher launcher() {
        List<AllowedApp> apps = List.of(
                web("egov", "Електронни услуги", "Government e-services", "https://egov.bg", TileCategory.E_GOVERNMENT),
                web("health", "Здравно досие", "Health record", "https://his.bg", TileCategory.HEALTH),
                web("bills", "Плащане с ePay", "Pay with ePay", "https://www.epay.bg", TileCategory.PAYMENTS),
                web("video", "Видеоразговор", "Video call", "https://meet.jit.si", TileCategory.FAMILY),
                web("ucha", "Уроци в Уча.се", "Lessons at Ucha.se", "https://ucha.se", TileCategory.LEARNING),
                new AllowedApp(
                        "writer",
                        "Писмо или документ",
                        "Letter or document",
                        null,
                        List.of("/usr/bin/libreoffice", "--writer"),
                        TileCategory.WRITING),
                new AllowedApp(
                        "browser",
                        "Интернет браузър",
                        "Web browser",
                        null,
                        List.of("/usr/bin/chromium", "--no-first-run"),
                        TileCategory.BROWSING));
        return new AppLauncher() {
            @Override
            public void launch(AllowedApp app) throws IOException {
                if (!apps.contains(app)) {
                    throw new IOException(app.id() + " is not allowed");
                }
                LOG.info("demo: would start {} ({})", app.id(), String.join(" ", app.command()));
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

    private static AllowedApp web(String id, String nameBg, String nameEn, String address, TileCategory category) {
        return new AllowedApp(
                id, nameBg, nameEn, null, List.of("/usr/bin/chromium", "--no-first-run", address), category);
    }
}
