package bg.digiclub.collector.live;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.intake.DeviceTokens;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.store.Dialect;

/**
 * The collector's live side, as the server wires it (docs/live.md): the PCs' WebSocket
 * {@code /api/v1/live}, the delivery of commands and Rooms to the PCs this instance holds, the
 * write-behind of what they say, the club page's {@link ClubConsole}, and {@link #cardsChanged}
 * for the cards' part. Every instance over one PostgreSQL runs one; each has a random id, its
 * heartbeat in {@code collector_instances}.
 */
public final class LiveHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    private final Database database;
    private final String instanceId;
    private final LiveBus bus;
    private final LiveConsole console;
    private final LiveStateStore states;
    private final LiveConnections connections;
    private final StateWriter writer;
    private final Delivery delivery;
    private final PostgresListener listener;
    private final LiveEndpoint endpoint;

    private LiveHub(Database database, Clock clock, ObjectMapper json, DeviceTokens tokens, String channel) {
        this.database = database;
        this.instanceId = UUID.randomUUID().toString();
        this.bus = new LiveBus(database, channel);
        SettingsStore settings = new SettingsStore(json);
        this.console = new LiveConsole(database, clock, bus, settings);
        this.states = new LiveStateStore();
        CommandStore commands = new CommandStore();
        QueueStore queue = new QueueStore();
        Reservations reservations = new Reservations(queue, settings, states);
        this.connections = new LiveConnections();
        this.writer = new StateWriter(database, clock, instanceId, states, commands, queue, reservations, bus);
        this.delivery = new Delivery(
                database, clock, instanceId, connections, commands, states, queue, reservations, new AuditLog(), bus);
        this.listener = database.dialect() == Dialect.POSTGRESQL ? new PostgresListener(database, bus) : null;
        this.endpoint = new LiveEndpoint(tokens, clock, json, connections, writer, delivery);
    }

    /**
     * Starts the live side: its heartbeat, the LISTEN on PostgreSQL and the sweep. The endpoint
     * serves once {@link #register}ed with the server.
     */
    public static LiveHub start(Database database, Clock clock, ObjectMapper json, DeviceTokens tokens)
            throws SQLException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(tokens, "tokens");
        LiveHub hub = new LiveHub(database, clock, json, tokens, LiveBus.channelOf(database));
        try {
            hub.bus.receiveWith(hub.delivery::wake);
            hub.delivery.start();
            if (hub.listener != null) {
                hub.listener.start();
            }
        } catch (SQLException | RuntimeException e) {
            hub.close();
            throw e;
        }
        LOG.info("live channel up as collector instance {}", hub.instanceId);
        return hub;
    }

    /** Adds {@code /api/v1/live} to the server. */
    public void register(JavalinConfig config) {
        endpoint.register(config);
    }

    /** What the club page uses. */
    public ClubConsole console() {
        return console;
    }

    /**
     * The club's member cards changed (up to {@code cursor}): its PCs with a live connection, on
     * any instance, are told to sync now.
     */
    public void cardsChanged(String clubId, long cursor) throws SQLException {
        Objects.requireNonNull(clubId, "clubId");
        bus.publish(new LiveSignal.CardsChanged(clubId, cursor));
    }

    /** How many PCs' live connections this instance holds. */
    public int connectedPcs() {
        return connections.size();
    }

    /** Live events (states, answers) waiting for the write-behind writer, for /metrics. */
    public int eventsQueued() {
        return writer.queued();
    }

    /**
     * Stops: the sweep and the LISTEN end, what the PCs said is written, and this instance's PCs are
     * shown off until they connect again (to any instance). Call after the server stopped, so that
     * its connections' ends are written too.
     */
    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        delivery.close();
        writer.close();
        try {
            database.write(c -> {
                states.stopped(c, instanceId);
                return null;
            });
        } catch (SQLException e) {
            LOG.warn("could not mark collector instance {} stopped: {}", instanceId, e.toString());
        }
    }
}
