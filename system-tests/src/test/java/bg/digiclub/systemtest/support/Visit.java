package bg.digiclub.systemtest.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;

/**
 * One planned session at a club PC.
 *
 * @param pc           which PC of the club (0-based)
 * @param start        local start time; never on a whole hour, so that an exact start time
 *                     cannot hide behind an hour field in the privacy scan
 * @param minutes      how long it runs, whole minutes; for {@link EndReason#INTERRUPTED} the time to
 *                     the last heartbeat (a multiple of {@link #HEARTBEAT_MINUTES})
 * @param member       the PC's member card used (0-based), or -1 for a guest
 * @param demographics what the visitor declared (a member: the card's declaration)
 */
public record Visit(int pc, LocalDateTime start, int minutes, int member, Demographics demographics, EndReason reason) {
    /** The kiosk heartbeats every 30 s; here every 5 minutes, which the agent treats the same. */
    public static final int HEARTBEAT_MINUTES = 5;

    public Visit {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(reason, "reason");
        if (start.getMinute() == 0 || start.getSecond() != 0) {
            throw new IllegalArgumentException("plan visits at whole minutes, not on the hour: " + start);
        }
        if (minutes < 1 || (reason == EndReason.INTERRUPTED && minutes % HEARTBEAT_MINUTES != 0)) {
            throw new IllegalArgumentException("bad length " + minutes + " for " + reason);
        }
    }

    public static Visit guest(int pc, LocalDateTime start, int minutes, AgeBand age, Sex sex, EndReason reason) {
        return new Visit(pc, start, minutes, -1, new Demographics(age, sex), reason);
    }

    public static Visit member(int pc, LocalDateTime start, int minutes, int member, Demographics declared, EndReason reason) {
        return new Visit(pc, start, minutes, member, declared, reason);
    }

    public boolean isMember() {
        return member >= 0;
    }

    public Instant startInstant(ZoneId zone) {
        return start.atZone(zone).toInstant();
    }

    /** When the session counts as ended: the end, or for an interrupted one its last heartbeat. */
    public Instant endInstant(ZoneId zone) {
        return startInstant(zone).plusSeconds(60L * minutes);
    }
}
