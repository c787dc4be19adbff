package bg.digiclub.agent.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.health.HealthStatus;

/**
 * A time during which a health check (or the PC, check {@code overall}) was not OK.
 *
 * @param id        the event's id in the store
 * @param check     the check's name
 * @param status    WARN, CRIT or UNKNOWN — never OK
 * @param startedAt when the check entered {@code status}
 * @param endedAt   when it left it; {@code null} while the event is open
 * @param detail    what was measured, in words, when the event started
 */
public record AlertEvent(
        long id, String check, HealthStatus status, Instant startedAt, Instant endedAt, String detail) {
    public AlertEvent {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(detail, "detail");
        if (status == HealthStatus.OK) {
            throw new IllegalArgumentException("an alert event is never OK (check " + check + ")");
        }
    }

    /** True while the check is still in this status. */
    public boolean isOpen() {
        return endedAt == null;
    }

    /** When the event ended, empty while it is open. */
    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }
}
