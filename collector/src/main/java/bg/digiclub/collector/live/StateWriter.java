package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.store.Database;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;

/**
 * Writes what the PCs say (connections opened and closed, states, answers) behind the sockets, on
 * one thread, as many at a time as have come meanwhile in one transaction: 5,000 PCs sending a
 * state every 30 s are some 170 states a second, a few transactions rather than 170. A PC's states
 * within one batch are folded to its last. After the states it applies the queue's rules: a PC that
 * reports FREE in a club with numbers waiting is held for the next one; a session started on a
 * number's turn serves it.
 */
final class StateWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateWriter.class);
    private static final int MAX_BATCH = 5_000;
    /** Attempts at one batch before it is dropped (about 25 s of pauses). */
    private static final int MAX_ATTEMPTS = 8;

    /** Something a PC's connection said, in the order it said it. */
    sealed interface Event {}

    record Opened(PcConnection connection) implements Event {}

    record Closed(UUID deviceId, UUID connectionId) implements Event {}

    record State(String clubId, LiveStateStore.Received received) implements Event {}

    record Answer(UUID deviceId, CommandAck ack, Instant at) implements Event {}

    private final Database database;
    private final Clock clock;
    private final String instanceId;
    private final LiveStateStore states;
    private final CommandStore commands;
    private final QueueStore queue;
    private final Reservations reservations;
    private final LiveBus bus;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    StateWriter(
            Database database,
            Clock clock,
            String instanceId,
            LiveStateStore states,
            CommandStore commands,
            QueueStore queue,
            Reservations reservations,
            LiveBus bus) {
        this.database = database;
        this.clock = clock;
        this.instanceId = instanceId;
        this.states = states;
        this.commands = commands;
        this.queue = queue;
        this.reservations = reservations;
        this.bus = bus;
        this.thread = new Thread(this::run, "live-state-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void add(Event event) {
        events.add(event);
    }

    /** Events waiting to be written (not counting the ones being written now), for /metrics. */
    int queued() {
        return events.size();
    }

    private void run() {
        List<Event> batch = new ArrayList<>();
        int failures = 0;
        while (running || !events.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Event first = events.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                events.drainTo(batch, Math.max(0, MAX_BATCH - batch.size()));
                write(batch);
                batch.clear();
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                // the transaction rolled back whole: the same events are written again (each is
                // idempotent), with what came meanwhile, after a pause (a deadlock between instances,
                // a busy database); given up after a while (or at once when closing): states come
                // again within 30 s, and an unanswered command is sent again, its answer with it
                failures++;
                if (failures >= MAX_ATTEMPTS || !running) {
                    LOG.error(
                            "writing {} live events failed {} times, dropped: {}",
                            batch.size(),
                            failures,
                            e.toString());
                    batch.clear();
                    failures = 0;
                } else {
                    LOG.warn("writing {} live events failed, trying again: {}", batch.size(), e.toString());
                    if (!pause(failures)) {
                        return;
                    }
                }
            }
        }
    }

    /** Waits before the next attempt: 0.25 s, doubled each time, at most 5 s; false if interrupted. */
    private static boolean pause(int failures) {
        try {
            Thread.sleep(Math.min(5_000L, 250L << Math.min(failures - 1, 5)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void write(List<Event> batch) throws SQLException {
        Instant now = clock.instant();
        Map<UUID, State> lastStates = new LinkedHashMap<>();
        for (Event event : batch) {
            if (event instanceof State state) {
                lastStates.remove(state.received().deviceId());
                lastStates.put(state.received().deviceId(), state);
            }
        }
        Set<String> roomsChanged = database.write(c -> {
            for (Event event : batch) {
                if (event instanceof Opened opened) {
                    PcConnection pc = opened.connection();
                    states.connected(c, pc.deviceId(), instanceId, pc.connectionId(), pc.openedAt());
                    // an older connection of the PC held by another instance is closed there
                    bus.within(c, new LiveSignal.Connected(pc.deviceId(), pc.connectionId(), instanceId));
                }
            }
            states.save(c, lastStates.values().stream().map(State::received).toList());
            for (Event event : batch) {
                if (event instanceof Answer answer) {
                    Optional<CommandKind> kind = commands.answer(c, answer.deviceId(), answer.ack(), answer.at());
                    if (kind.equals(Optional.of(CommandKind.ANSWER_HELP))
                            && answer.ack().outcome() == CommandOutcome.DONE) {
                        states.helpAnswered(c, answer.deviceId());
                    }
                }
            }
            for (Event event : batch) {
                if (event instanceof Closed closed) {
                    states.disconnected(c, closed.deviceId(), closed.connectionId());
                }
            }
            return applyQueue(c, lastStates.values(), now);
        });
        for (String clubId : roomsChanged) {
            bus.publish(new LiveSignal.RoomChanged(clubId));
        }
    }

    /** Serves the numbers whose turn started a session, and holds the PCs that came free; returns the clubs changed. */
    private Set<String> applyQueue(Connection c, Iterable<State> states, Instant now) throws SQLException {
        Set<String> changed = new HashSet<>();
        Set<String> freed = new HashSet<>();
        for (State state : states) {
            PcState pc = state.received().state();
            if (pc.servedTicket() != null) {
                Optional<ZoneId> zone = Reservations.clubZone(c, state.clubId());
                if (zone.isPresent()
                        && queue.served(c, state.clubId(), Reservations.clubDay(zone.get(), now), pc.servedTicket())) {
                    changed.add(state.clubId());
                }
            }
            if (pc.mode() == PcMode.FREE) {
                freed.add(state.clubId());
            }
        }
        if (!freed.isEmpty()) {
            freed.retainAll(clubsWithNumbersWaiting(c));
            for (String clubId : freed) {
                if (reservations.assign(c, clubId, now)) {
                    changed.add(clubId);
                }
            }
        }
        return changed;
    }

    private static Set<String> clubsWithNumbersWaiting(Connection c) throws SQLException {
        try (PreparedStatement select =
                        c.prepareStatement("SELECT DISTINCT club_id FROM live_queue WHERE state = 'WAITING'");
                ResultSet row = select.executeQuery()) {
            Set<String> clubs = new HashSet<>();
            while (row.next()) {
                clubs.add(row.getString(1));
            }
            return clubs;
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
