package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.store.Database;

/**
 * LISTENs on the bus's channel on a connection of its own and hands each notification to
 * the bus. If the connection breaks it opens a new one a second later; what was notified meanwhile
 * is found by the delivery's sweep.
 */
final class PostgresListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresListener.class);
    private static final int POLL_MILLIS = 500;

    private final Database database;
    private final LiveBus bus;
    private final Thread thread;
    private volatile boolean running = true;
    /** The connection {@link #start} opened, taken over by the thread (started after it is set). */
    private Connection first;

    PostgresListener(Database database, LiveBus bus) {
        this.database = database;
        this.bus = bus;
        this.thread = new Thread(this::run, "live-listen");
        this.thread.setDaemon(true);
    }

    /** Listens before it returns, so that nothing notified after it is missed. */
    void start() throws SQLException {
        first = listen();
        thread.start();
    }

    private Connection listen() throws SQLException {
        Connection connection = database.dedicatedConnection();
        try (Statement statement = connection.createStatement()) {
            // the channel is lower-case letters, digits and underscores (LiveBus.channelOf)
            statement.execute("LISTEN \"" + bus.channel() + "\"");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void run() {
        Connection connection = first;
        while (running) {
            try {
                if (connection == null) {
                    connection = listen();
                }
                PGNotification[] notifications =
                        connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications == null) {
                    continue;
                }
                for (PGNotification notification : notifications) {
                    try {
                        bus.received(LiveSignal.parse(notification.getParameter()));
                    } catch (IllegalArgumentException e) {
                        LOG.warn("ignored a live notification: {}", e.getMessage());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                LOG.warn("the live channel's LISTEN connection failed, opening a new one: {}", e.toString());
                closeQuietly(connection);
                connection = null;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken or going anyway
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
