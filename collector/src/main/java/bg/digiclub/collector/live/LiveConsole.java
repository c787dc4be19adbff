package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.support.sql.SqlWork;

/**
 * The club page's console over the database: every call is one transaction, writes its audit
 * entry in it, and tells the instances what changed afterwards ({@link LiveBus}), so that the one
 * holding a PC's connection sends it its command or new Room at once.
 */
public final class LiveConsole implements ClubConsole {
    /** The most entries one call lists. */
    static final int MAX_LIMIT = 1000;

    /** How often a write that lost a race for the club's next audit number is tried again. */
    private static final int ATTEMPTS = 5;

    private final Database database;
    private final Clock clock;
    private final LiveBus bus;
    private final CommandStore commands = new CommandStore();
    private final AuditLog audit = new AuditLog();
    private final QueueStore queue = new QueueStore();
    private final LiveStateStore states = new LiveStateStore();
    private final SettingsStore settings;
    private final Reservations reservations;

    LiveConsole(Database database, Clock clock, LiveBus bus, SettingsStore settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reservations = new Reservations(queue, settings, states);
    }

    @Override
    public List<PcTile> room(User who, String clubId) throws SQLException {
        check(who, clubId);
        Instant now = clock.instant();
        return database.read(c -> {
            requireClub(c, clubId);
            return states.tiles(c, clubId, now);
        });
    }

    @Override
    public List<CommandView> issue(User who, String clubId, UUID deviceId, CommandRequest request) throws SQLException {
        check(who, clubId);
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(CommandLifetimes.of(request.kind()));
        boolean forSession = request.kind() == CommandKind.EXTEND || request.kind() == CommandKind.END_SESSION;
        boolean eachOwnSession = forSession && deviceId == null;
        if (eachOwnSession && request.sessionStarted() != null) {
            throw new IllegalArgumentException(
                    request.kind() + " for all PCs is for each PC's running session: give no sessionStarted");
        }
        // the record's own checks, before anything is stored (a bad request is the page's 400)
        command(request, UUID.randomUUID(), now, expires, eachOwnSession ? now : request.sessionStarted());
        if (deviceId == null && request.kind() == CommandKind.WAKE) {
            throw new IllegalArgumentException("WAKE is sent by one PC of the club: choose which");
        }
        Map<UUID, UUID> ids = writeAudited(c -> {
            requireClub(c, clubId);
            Map<UUID, Integer> pcs = pcs(c, clubId);
            if (request.target() != null && !pcs.containsKey(request.target())) {
                throw new IllegalArgumentException("the PC to wake is not one of club " + clubId);
            }
            Map<UUID, Instant> targets = new LinkedHashMap<>();
            if (deviceId != null) {
                if (!pcs.containsKey(deviceId)) {
                    throw new IllegalArgumentException("no PC " + deviceId + " in club " + clubId);
                }
                targets.put(deviceId, request.sessionStarted());
            } else if (eachOwnSession) {
                // "all PCs": each running session is named by its own start, PCs without one are left out
                Map<UUID, Instant> sessions = states.sessions(c, clubId);
                pcs.keySet().stream().filter(sessions::containsKey).forEach(d -> targets.put(d, sessions.get(d)));
            } else {
                pcs.keySet().forEach(d -> targets.put(d, null));
            }
            Map<UUID, UUID> stored = new LinkedHashMap<>();
            for (Map.Entry<UUID, Instant> target : targets.entrySet()) {
                Command command = command(request, UUID.randomUUID(), now, expires, target.getValue());
                commands.insert(c, clubId, target.getKey(), command, who.username());
                bus.within(c, new LiveSignal.Commands(target.getKey()));
                audit.record(c, clubId, now, who.username(), describe(command), pcs.get(target.getKey()), command.id());
                stored.put(command.id(), target.getKey());
            }
            return stored;
        });
        ids.values().forEach(device -> bus.afterCommit(new LiveSignal.Commands(device)));
        return database.read(c -> {
            List<CommandView> list = new ArrayList<>();
            for (UUID id : ids.keySet()) {
                commands.view(c, id).ifPresent(list::add);
            }
            return list;
        });
    }

    @Override
    public List<CommandView> commands(User who, String clubId, int limit) throws SQLException {
        check(who, clubId);
        requireLimit(limit);
        return database.read(c -> {
            requireClub(c, clubId);
            return commands.views(c, clubId, limit);
        });
    }

    @Override
    public List<AuditEntry> audit(User who, String clubId, int limit) throws SQLException {
        check(who, clubId);
        requireLimit(limit);
        return database.read(c -> {
            requireClub(c, clubId);
            return audit.entries(c, clubId, limit);
        });
    }

    @Override
    public QueueView queue(User who, String clubId) throws SQLException {
        check(who, clubId);
        Instant now = clock.instant();
        return database.read(c -> {
            ZoneId zone = requireClub(c, clubId);
            return new QueueView(
                    settings.settings(c, clubId).queueEnabled(),
                    queue.waiting(c, clubId, Reservations.clubDay(zone, now)),
                    queue.held(c, clubId));
        });
    }

    @Override
    public int enqueue(User who, String clubId) throws SQLException {
        check(who, clubId);
        Instant now = clock.instant();
        int number = writeAudited(c -> {
            ZoneId zone = requireClub(c, clubId);
            if (!settings.settings(c, clubId).queueEnabled()) {
                throw new IllegalArgumentException("club " + clubId + " does not use the queue (see its settings)");
            }
            int added = queue.enqueue(c, clubId, Reservations.clubDay(zone, now), now);
            if (added > Command.MAX_TICKET) {
                throw new IllegalArgumentException("the queue is full for today (" + Command.MAX_TICKET + " numbers)");
            }
            audit.record(c, clubId, now, who.username(), "QUEUE_ADD №" + added, null, null);
            reservations.assign(c, clubId, now);
            return added;
        });
        bus.publish(new LiveSignal.RoomChanged(clubId));
        return number;
    }

    @Override
    public void dequeue(User who, String clubId, int number) throws SQLException {
        check(who, clubId);
        Instant now = clock.instant();
        writeAudited(c -> {
            ZoneId zone = requireClub(c, clubId);
            if (!queue.remove(c, clubId, Reservations.clubDay(zone, now), number)) {
                throw new IllegalArgumentException("number " + number + " is not waiting in club " + clubId);
            }
            audit.record(c, clubId, now, who.username(), "QUEUE_REMOVE №" + number, null, null);
            reservations.assign(c, clubId, now);
            return null;
        });
        bus.publish(new LiveSignal.RoomChanged(clubId));
    }

    @Override
    public ClubSettings settings(User who, String clubId) throws SQLException {
        check(who, clubId);
        return database.read(c -> {
            requireClub(c, clubId);
            return settings.settings(c, clubId);
        });
    }

    @Override
    public ClubSettings changeSettings(User who, String clubId, ClubSettings changed) throws SQLException {
        check(who, clubId);
        Objects.requireNonNull(changed, "settings");
        Instant now = clock.instant();
        ClubSettings stored = writeAudited(c -> {
            requireClub(c, clubId);
            ClubSettings next = settings.change(c, clubId, changed, who.username(), now);
            audit.record(c, clubId, now, who.username(), "SETTINGS v" + next.version(), null, null);
            reservations.assign(c, clubId, now);
            return next;
        });
        bus.publish(new LiveSignal.RoomChanged(clubId));
        return stored;
    }

    /** A command of the request's kind and fields, checked by the record. */
    private static Command command(CommandRequest r, UUID id, Instant now, Instant expires, Instant sessionStarted) {
        return new Command(id, r.kind(), now, expires, r.minutes(), r.text(), sessionStarted, r.target());
    }

    /** The audit log's words for a command: its kind and what it carries. */
    static String describe(Command command) {
        StringBuilder action = new StringBuilder(command.kind().name());
        if (command.minutes() != null) {
            action.append(' ').append(command.minutes()).append(" min");
        }
        if (command.text() != null) {
            action.append(": ").append(command.text());
        }
        return action.toString();
    }

    private <T> T writeAudited(SqlWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.write(work);
            } catch (SQLException e) {
                // two instances wrote the club's next audit number at once: the loser tries again
                if (attempt >= ATTEMPTS || !database.dialect().isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static void check(User who, String clubId) {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(clubId, "clubId");
        if (!who.maySee(clubId)) {
            throw new IllegalArgumentException("user " + who.username() + " may not act for club " + clubId);
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    private static ZoneId requireClub(Connection c, String clubId) throws SQLException {
        return Reservations.clubZone(c, clubId).orElseThrow(() -> new IllegalArgumentException("no club " + clubId));
    }

    /** The club's enrolled, not revoked PCs and their numbers, in number order. */
    private static Map<UUID, Integer> pcs(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, number FROM devices WHERE club_id = ? AND revoked = 0 ORDER BY number")) {
            select.setString(1, clubId);
            Map<UUID, Integer> pcs = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    pcs.put(UUID.fromString(row.getString(1)), row.getInt(2));
                }
            }
            return pcs;
        }
    }
}
