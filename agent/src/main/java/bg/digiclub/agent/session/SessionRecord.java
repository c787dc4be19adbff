package bg.digiclub.agent.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.VisitorKind;

/**
 * One session as the ledger holds it.
 *
 * @param memberCode      the card code for a member session, null for a guest; never leaves the PC
 * @param allowed         the time granted at start plus every extension
 * @param lastHeartbeatAt the kiosk's last sign of life (agent's clock), null before the first heartbeat
 * @param remaining       the time left at the last heartbeat, null before the first
 * @param endedAt         null while open
 * @param endReason       null while open
 * @param closedBy        null while open
 * @param wipeSucceeded   whether the visitor's programs were ended and the home reset; null until done
 */
public record SessionRecord(
        String id,
        VisitorKind kind,
        String memberCode,
        Demographics demographics,
        Instant startedAt,
        Duration allowed,
        Instant lastHeartbeatAt,
        Duration remaining,
        Instant endedAt,
        EndReason endReason,
        ClosedBy closedBy,
        Boolean wipeSucceeded) {
    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(allowed, "allowed");
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** The last sign of life of the session's kiosk: its last heartbeat, or the start. */
    public Instant lastSignOfLife() {
        return lastHeartbeatAt != null ? lastHeartbeatAt : startedAt;
    }

    /** When the granted time (with extensions) runs out. */
    public Instant endsAt() {
        return startedAt.plus(allowed);
    }

    /**
     * When the session ended, or for an open session its last sign of life: the last heartbeat,
     * or the start. What the statistics count as the end.
     */
    public Instant effectiveEnd() {
        if (endedAt != null) {
            return endedAt;
        }
        return lastHeartbeatAt != null ? lastHeartbeatAt : startedAt;
    }

    /** The time of this session that falls between {@code from} and {@code to}. */
    public Duration overlap(Instant from, Instant to) {
        Instant start = startedAt.isAfter(from) ? startedAt : from;
        Instant end = effectiveEnd().isBefore(to) ? effectiveEnd() : to;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    @Override
    public String toString() {
        return "SessionRecord[id=" + id + ", kind=" + kind + ", startedAt=" + startedAt + ", endedAt=" + endedAt
                + ", endReason=" + endReason + ", closedBy=" + closedBy + "]";
    }

    /** Who closed a session. */
    public enum ClosedBy {
        /** The kiosk ended it ({@code session.end}). */
        KIOSK,
        /** The agent ended it: the kiosk's heartbeats stopped, or its time ran out. */
        AGENT,
        /** Closed at start-up by agents before the agent became the session authority (old rows only). */
        RECOVERY
    }
}
