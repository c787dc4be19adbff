package bg.digiclub.systemtest.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

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
 * @param tiles        the launcher tiles the visitor opens, by category, in order, spread evenly over
 *                     the session ({@link #tileMinute})
 */
public record Visit(
        int pc,
        LocalDateTime start,
        int minutes,
        int member,
        Demographics demographics,
        EndReason reason,
        List<TileCategory> tiles) {
    /** The kiosk heartbeats every 30 s; here every 5 minutes, which the agent treats the same. */
    public static final int HEARTBEAT_MINUTES = 5;

    public Visit {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(reason, "reason");
        tiles = List.copyOf(tiles);
        if (start.getMinute() == 0 || start.getSecond() != 0) {
            throw new IllegalArgumentException("plan visits at whole minutes, not on the hour: " + start);
        }
        if (minutes < 1 || (reason == EndReason.INTERRUPTED && minutes % HEARTBEAT_MINUTES != 0)) {
            throw new IllegalArgumentException("bad length " + minutes + " for " + reason);
        }
        if (tiles.size() >= minutes) {
            throw new IllegalArgumentException("at most one tile a minute: " + tiles.size() + " in " + minutes);
        }
    }

    public static Visit guest(int pc, LocalDateTime start, int minutes, AgeBand age, Sex sex, EndReason reason) {
        return new Visit(pc, start, minutes, -1, new Demographics(age, sex), reason, List.of());
    }

    public static Visit member(
            int pc, LocalDateTime start, int minutes, int member, Demographics declared, EndReason reason) {
        return new Visit(pc, start, minutes, member, declared, reason, List.of());
    }

    /** This visit, opening these tiles. */
    public Visit withTiles(TileCategory... opened) {
        return new Visit(pc, start, minutes, member, demographics, reason, List.of(opened));
    }

    /** The minute after the start at which the {@code i}th tile is opened: spread evenly, before the end. */
    public int tileMinute(int i) {
        return (i + 1) * minutes / (tiles.size() + 1);
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
