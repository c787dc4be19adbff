package bg.digiclub.agent.metrics;

import bg.digiclub.common.health.HealthStatus;

/**
 * A health status as monitoring numbers it, the convention of Nagios plugins (and Icinga's and
 * Zabbix's checks): 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN. The textfile's {@code digiclub_check_status}
 * and {@code status --check}'s exit status both say it with these numbers.
 */
public final class StatusCode {
    public static final int OK = 0;
    public static final int WARN = 1;
    public static final int CRIT = 2;
    public static final int UNKNOWN = 3;

    private StatusCode() {}

    public static int of(HealthStatus status) {
        return switch (status) {
            case OK -> OK;
            case WARN -> WARN;
            case CRIT -> CRIT;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
