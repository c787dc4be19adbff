package bg.digiclub.agent.room;

import java.util.Objects;
import java.util.Optional;

/** On a system the agent cannot restart or shut down: every order fails, saying why. */
final class UnsupportedPowerControl implements PowerControl {
    private final String system;

    UnsupportedPowerControl(String system) {
        this.system = Objects.requireNonNull(system, "system");
    }

    @Override
    public Optional<String> restart() {
        return Optional.of("restarting is not supported on " + system);
    }

    @Override
    public Optional<String> shutdown() {
        return Optional.of("shutting down is not supported on " + system);
    }
}
