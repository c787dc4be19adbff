package bg.digiclub.common.live;

import java.time.Instant;

import bg.digiclub.common.batch.Require;

/**
 * The club as it concerns one PC, sent on connect and whenever it changes: the club's settings and
 * its walk-up queue. Only numbers, never who waits.
 *
 * @param waiting       how many numbers wait for a PC of the club (not counting one held here)
 * @param reservedFor   the number this PC is held for, or null
 * @param reservedUntil until when (the collector's clock); null exactly when {@code reservedFor} is
 */
public record Room(ClubSettings settings, int waiting, Integer reservedFor, Instant reservedUntil)
        implements LiveMessage {
    public Room {
        Require.present(settings, "settings");
        Require.range(waiting, 0, Command.MAX_TICKET, "waiting");
        if ((reservedFor == null) != (reservedUntil == null)) {
            throw new IllegalArgumentException("reservedFor and reservedUntil go together");
        }
        if (reservedFor != null) {
            Require.range(reservedFor, 1, Command.MAX_TICKET, "reservedFor");
        }
    }
}
