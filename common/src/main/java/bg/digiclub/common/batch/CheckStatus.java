package bg.digiclub.common.batch;

import bg.digiclub.common.health.HealthStatus;

/**
 * One health check's status.
 *
 * @param name   stable check name, see {@link BatchLimits#CHECK_NAME} ({@code disk:/}, {@code cpu-temperature}, {@code memory})
 * @param status its status (in a snapshot: at that time; in a day: the worst of that day)
 */
public record CheckStatus(String name, HealthStatus status) {
    public CheckStatus {
        Require.matches(name, BatchLimits.CHECK_NAME, "check name");
        Require.present(status, "status of check " + name);
    }
}
