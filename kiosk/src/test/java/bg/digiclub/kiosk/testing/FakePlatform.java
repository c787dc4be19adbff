package bg.digiclub.kiosk.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.wipe.PrivacyWipe;

/**
 * Recording stand-ins for the platform edges: ending real processes and wiping real files of the
 * test runner's account is exactly what a test must not do (their own tests cover them, in
 * temporary directories and child processes).
 */
public final class FakePlatform {
    private FakePlatform() {
    }

    /** Reports whatever idle time the test sets. */
    public static final class Idle implements IdleMonitor {
        public volatile Optional<Duration> idle = Optional.of(Duration.ZERO);

        @Override
        public Optional<Duration> idleTime() {
            return idle;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    public static SessionProcesses processes(EventLog log) {
        return grace -> {
            log.add("processes:endAll");
            return 2;
        };
    }

    public static PrivacyWipe wipe(EventLog log) {
        return () -> {
            log.add("wipe:run");
            return List.of(new WipeStepResult("downloads", true, "3 files"),
                    new WipeStepResult("browser-profile", true, "1 profile"));
        };
    }
}
