package bg.digiclub.collector.live;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.store.Database;
import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.Room;

/**
 * Sends the PCs this instance holds what is theirs: commands (from the table, claimed there before
 * they go out, so that a command is sent first by one instance only, and repeated only on a PC's
 * next connection), Rooms and CardsChanged. Everything runs on one thread, woken by signals
 * ({@link #wake}) and by a sweep every {@link #SWEEP} that catches what a lost signal would have
 * brought, expires commands and queue holds, keeps this instance's heartbeat, and closes
 * connections replaced on another instance or of a revoked device.
 */
final class Delivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    static final Duration SWEEP = Duration.ofSeconds(2);
    /** A connection younger than this may not be in the database yet: the sweep leaves it alone. */
    private static final Duration SETTLING = Duration.ofSeconds(10);

    private final Database database;
    private final Clock clock;
    private final String instanceId;
    private final Instant startedAt;
    private final LiveConnections connections;
    private final CommandStore commands;
    private final LiveStateStore states;
    private final QueueStore queue;
    private final Reservations reservations;
    private final AuditLog audit;
    private final LiveBus bus;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-delivery");
        t.setDaemon(true);
        return t;
    });

    Delivery(
            Database database,
            Clock clock,
            String instanceId,
            LiveConnections connections,
            CommandStore commands,
            LiveStateStore states,
            QueueStore queue,
            Reservations reservations,
            AuditLog audit,
            LiveBus bus) {
        this.database = database;
        this.clock = clock;
        this.instanceId = instanceId;
        this.startedAt = clock.instant();
        this.connections = connections;
        this.commands = commands;
        this.states = states;
        this.queue = queue;
        this.reservations = reservations;
        this.audit = audit;
        this.bus = bus;
    }

    /** Writes the heartbeat once (so that PCs connecting now show online) and starts the sweep. */
    void start() throws SQLException {
        database.write(c -> {
            states.heartbeat(c, instanceId, startedAt, clock.instant());
            return null;
        });
        thread.scheduleWithFixedDelay(
                () -> guarded("sweep", this::sweep), SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A signal from any instance. */
    void wake(LiveSignal signal) {
        later(signal.payload(), () -> handle(signal));
    }

    /** A PC connected here: its Room, then whatever waits for it (sent before or not). */
    void opened(PcConnection connection) {
        later("connection", () -> {
            try {
                sendRoom(List.of(connection));
            } finally {
                connection.greeted(); // a Room that failed must not hold its commands back for good
            }
            deliver(connection, null);
        });
    }

    private void handle(LiveSignal signal) throws SQLException {
        if (signal instanceof LiveSignal.Commands commandsFor) {
            Optional<PcConnection> pc = connections.of(commandsFor.deviceId());
            if (pc.isPresent()) {
                deliver(pc.get(), null);
            }
        } else if (signal instanceof LiveSignal.Connected connected
                && !connected.instanceId().equals(instanceId)) {
            connections
                    .of(connected.deviceId())
                    .filter(pc -> !pc.connectionId().equals(connected.connectionId()))
                    .ifPresent(this::replaced);
        } else if (signal instanceof LiveSignal.RoomChanged room) {
            sendRoom(connections.ofClub(room.clubId()));
        } else if (signal instanceof LiveSignal.CardsChanged cards) {
            for (PcConnection pc : connections.ofClub(cards.clubId())) {
                pc.send(new CardsChanged(cards.cursor()));
            }
        }
    }

    private void replaced(PcConnection pc) {
        if (connections.release(pc)) {
            pc.close(PcConnection.REPLACED, "replaced by a newer connection of this PC");
        }
    }

    private void sendRoom(List<PcConnection> pcs) throws SQLException {
        if (pcs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Room> rooms = database.read(c -> {
            List<Room> list = new ArrayList<>();
            for (PcConnection pc : pcs) {
                list.add(reservations.room(c, pc.clubId(), pc.deviceId(), now));
            }
            return list;
        });
        for (int i = 0; i < pcs.size(); i++) {
            pcs.get(i).send(rooms.get(i));
        }
    }

    /**
     * Sends the PC's open commands not yet sent on this connection: a PENDING one only if this
     * instance claims it, a SENT one (sent on an earlier connection, unanswered) again; and an
     * unanswered one sent here {@link PcConnection#RESEND_AFTER} ago again (its answer may have
     * been lost on the way in).
     *
     * @param known the PC's open commands if the caller read them already; null to read them
     */
    private void deliver(PcConnection pc, List<CommandStore.Open> known) throws SQLException {
        if (!pc.isGreeted()) {
            return; // its Room goes first; the connection's own task then delivers what waits
        }
        Instant now = clock.instant();
        List<CommandStore.Open> open = known != null ? known : database.read(c -> commands.open(c, pc.deviceId(), now));
        List<CommandStore.Open> toSend = open.stream()
                .filter(o -> pc.dueForSending(o.command().id(), now))
                .toList();
        if (toSend.isEmpty()) {
            return;
        }
        List<CommandStore.Open> claimed = database.write(c -> {
            List<CommandStore.Open> mine = new ArrayList<>();
            for (CommandStore.Open o : toSend) {
                if (o.state() == CommandState.SENT
                        || commands.claim(c, o.command().id(), now)) {
                    mine.add(o);
                }
            }
            return mine;
        });
        for (CommandStore.Open o : claimed) {
            if (pc.takeForSending(o.command().id(), now)) {
                pc.send(o.command());
            }
        }
    }

    private void sweep() throws SQLException {
        Instant now = clock.instant();
        List<QueueStore.Lapsed> lapsed = database.write(c -> {
            states.heartbeat(c, instanceId, startedAt, now);
            commands.expire(c, now);
            List<QueueStore.Lapsed> gone = queue.lapse(c, now);
            Set<String> clubs = new HashSet<>();
            for (QueueStore.Lapsed one : gone) {
                clubs.add(one.clubId());
                if (one.dropped()) {
                    audit.record(
                            c, one.clubId(), now, AuditLog.COLLECTOR, "QUEUE_NO_SHOW №" + one.number(), null, null);
                }
            }
            for (String clubId : clubs) {
                reservations.assign(c, clubId, now);
            }
            return gone;
        });
        for (String clubId :
                lapsed.stream().map(QueueStore.Lapsed::clubId).distinct().toList()) {
            bus.publish(new LiveSignal.RoomChanged(clubId));
        }
        closeReplacedAndRevoked();
        List<CommandStore.Open> open = database.read(c -> commands.open(c, null, now));
        Map<UUID, List<CommandStore.Open>> byDevice = new HashMap<>();
        for (CommandStore.Open o : open) {
            byDevice.computeIfAbsent(o.deviceId(), d -> new ArrayList<>()).add(o);
        }
        for (Map.Entry<UUID, List<CommandStore.Open>> device : byDevice.entrySet()) {
            Optional<PcConnection> pc = connections.of(device.getKey());
            if (pc.isPresent()) {
                deliver(pc.get(), device.getValue());
            }
        }
    }

    private void closeReplacedAndRevoked() throws SQLException {
        if (connections.size() == 0) {
            return;
        }
        Map<UUID, UUID> inDatabase = database.read(c -> states.connectionsOf(c, instanceId));
        Set<UUID> revoked = database.read(c -> states.revokedOf(c, instanceId));
        for (PcConnection pc : connections.all()) {
            if (revoked.contains(pc.deviceId())) {
                if (connections.release(pc)) {
                    pc.close(PcConnection.REVOKED, "the device was revoked; enrol it again");
                }
            } else if (pc.olderThan(SETTLING) && !pc.connectionId().equals(inDatabase.get(pc.deviceId()))) {
                replaced(pc);
            }
        }
    }

    private void later(String what, Work work) {
        try {
            thread.execute(() -> guarded(what, work));
        } catch (RejectedExecutionException stopping) {
            // the instance is stopping: its connections are closing anyway
        }
    }

    private void guarded(String what, Work work) {
        try {
            work.run();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("live delivery ({}) failed: {}", what, e.toString());
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
