package bg.digiclub.kiosk.testing;

import java.time.Duration;
import java.util.Optional;

import bg.digiclub.kiosk.platform.IdleMonitor;

/**
 * Stand-ins for the platform edges a view-model test cannot drive: the OS idle time.
 */
public final class FakePlatform {
    private FakePlatform() {}

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
}
