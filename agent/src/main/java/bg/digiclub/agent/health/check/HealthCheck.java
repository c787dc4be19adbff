package bg.digiclub.agent.health.check;

import bg.digiclub.agent.health.HealthSample;

/**
 * One health check, with whatever memory of earlier samples it needs (hysteresis, minimum
 * durations). Fed every sample in time order by {@link HealthEvaluator}.
 */
interface HealthCheck {

    /** The stable check name (see {@link CheckNames}). */
    String name();

    /**
     * Whether the thing checked still exists in this sample. A file system that was unmounted
     * or a disk that was unplugged is no longer present and its check is dropped; the checks
     * every PC has (memory, temperature, ...) are always present, UNKNOWN when not measured.
     */
    default boolean present(HealthSample sample) {
        return true;
    }

    /** The check's status and plain-words value for this sample; only called when present. */
    Outcome evaluate(HealthSample sample);
}
