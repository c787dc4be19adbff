package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.Room;

/**
 * The queue's rules over the stores: which PC is held for which number, and the {@link Room} each
 * PC is told. Called whenever something changes that may free a PC for a number or take one away
 * (a PC reports FREE, a number is added, a hold runs out, the settings change); it reads what it
 * needs from the database, so any instance may call it.
 */
final class Reservations {
    private final QueueStore queue;
    private final SettingsStore settings;
    private final LiveStateStore states;

    Reservations(QueueStore queue, SettingsStore settings, LiveStateStore states) {
        this.queue = queue;
        this.settings = settings;
        this.states = states;
    }

    /** The club's time zone, or empty for an unknown club. */
    static Optional<ZoneId> clubZone(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT time_zone FROM clubs WHERE id = ?")) {
            select.setString(1, clubId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ZoneId.of(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** The club day (the club's local epoch day) at {@code now}: queue numbers start from 1 on each. */
    static long clubDay(ZoneId zone, Instant now) {
        return LocalDate.ofInstant(now, zone).toEpochDay();
    }

    /**
     * Holds each of the club's online, free PCs that is not held yet for the next waiting number, in
     * PC number order, while numbers wait and the club uses the queue.
     *
     * @return true if a PC was held (the club's PCs are to be told a new Room)
     */
    boolean assign(Connection c, String clubId, Instant now) throws SQLException {
        ClubSettings club = settings.settings(c, clubId);
        Optional<ZoneId> zone = clubZone(c, clubId);
        if (!club.queueEnabled() || zone.isEmpty()) {
            return false;
        }
        long day = clubDay(zone.get(), now);
        if (queue.waiting(c, clubId, day).isEmpty()) {
            return false;
        }
        Instant until = now.plus(Duration.ofMinutes(club.reservationMinutes()));
        boolean held = false;
        for (PcTile pc : states.tiles(c, clubId, now)) {
            if (pc.online() && pc.mode() == PcMode.FREE && pc.reservedFor() == null) {
                if (queue.hold(c, clubId, day, pc.deviceId(), until).isEmpty()) {
                    break;
                }
                held = true;
            }
        }
        return held;
    }

    /** What the PC is told of its club: settings, how many wait, and its own hold. */
    Room room(Connection c, String clubId, UUID deviceId, Instant now) throws SQLException {
        ClubSettings club = settings.settings(c, clubId);
        Optional<ZoneId> zone = clubZone(c, clubId);
        int waiting = zone.isEmpty() || !club.queueEnabled()
                ? 0
                : queue.waiting(c, clubId, clubDay(zone.get(), now)).size();
        Optional<QueueStore.Hold> hold = club.queueEnabled() ? queue.holdOf(c, deviceId) : Optional.empty();
        return new Room(
                club,
                Math.min(waiting, Command.MAX_TICKET),
                hold.map(QueueStore.Hold::number).orElse(null),
                hold.map(QueueStore.Hold::until).orElse(null));
    }
}
