package bg.digiclub.common.health;

/** The status of one health check or of a whole PC, worst last. */
public enum HealthStatus {
    OK,
    UNKNOWN,
    WARN,
    CRIT;

    /** The worse of two statuses (CRIT > WARN > UNKNOWN > OK). */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
