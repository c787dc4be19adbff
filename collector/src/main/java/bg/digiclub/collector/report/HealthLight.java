package bg.digiclub.collector.report;

import bg.digiclub.common.health.HealthStatus;

/** A club's or device's health at a glance. */
public enum HealthLight {
    /** Every PC reports OK. */
    GREEN,
    /** Some PC reports WARN or UNKNOWN. */
    AMBER,
    /** Some PC reports CRIT. */
    RED,
    /** No PC has reported health yet. */
    NONE;

    public static HealthLight of(HealthStatus status) {
        if (status == null) {
            return NONE;
        }
        return switch (status) {
            case OK -> GREEN;
            case UNKNOWN, WARN -> AMBER;
            case CRIT -> RED;
        };
    }
}
