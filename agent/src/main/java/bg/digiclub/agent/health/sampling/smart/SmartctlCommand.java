package bg.digiclub.agent.health.sampling.smart;

import java.util.List;
import java.util.Optional;

/** Runs {@code smartctl} with arguments; the seam between the SMART reader and the real process. */
@FunctionalInterface
interface SmartctlCommand {

    /**
     * Runs smartctl with {@code arguments}.
     *
     * @return what it printed on standard output (whatever its exit status: smartctl reports its
     *         findings in exit-status bits), or empty when it could not be started or timed out
     */
    Optional<String> run(List<String> arguments);
}
