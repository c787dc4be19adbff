package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.store.Dialect;

/**
 * Tells every collector instance a {@link LiveSignal}, after the change it is about was committed.
 * On PostgreSQL it is a NOTIFY that every instance (this one too) gets through its
 * {@link PostgresListener}; on SQLite there is one instance, and the signal goes straight to it.
 * Either way a lost signal costs only time: the sweep finds what it was about within seconds.
 */
final class LiveBus {
    private final Database database;
    private final String channel;
    private volatile Consumer<LiveSignal> receiver = signal -> {};

    /** @param channel the notification channel ({@link #channelOf}); unused on SQLite */
    LiveBus(Database database, String channel) {
        this.database = Objects.requireNonNull(database, "database");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * The channel of this database's collectors: {@value LiveSignal#CHANNEL}, and the schema's
     * name after it when the collector's tables are not in {@code public}. Notifications are per
     * database, not per schema: collectors of two schemas of one database (or tests) must not hear
     * each other.
     */
    static String channelOf(Database database) throws SQLException {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return LiveSignal.CHANNEL;
        }
        String schema = database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT current_schema()");
                    ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        });
        return schema == null || schema.equals("public")
                ? LiveSignal.CHANNEL
                : LiveSignal.CHANNEL + "_" + schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** The notification channel (PostgreSQL). */
    String channel() {
        return channel;
    }

    /** Where the signals go in this process (the hub); until set, they are dropped. */
    void receiveWith(Consumer<LiveSignal> receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /** Sends the signal to every instance; call it after the transaction it is about committed. */
    void publish(LiveSignal signal) throws SQLException {
        if (database.dialect() == Dialect.POSTGRESQL) {
            database.write(c -> {
                notify(c, signal);
                return null;
            });
        } else {
            receiver.accept(signal);
        }
    }

    /**
     * Sends the signal within a write transaction, saving a transaction of its own: on PostgreSQL
     * a NOTIFY that every instance, this one too, gets at the commit (and none on a rollback). On
     * SQLite nothing: call {@link #afterCommit} once the transaction committed.
     */
    void within(Connection c, LiveSignal signal) throws SQLException {
        if (database.dialect() == Dialect.POSTGRESQL) {
            notify(c, signal);
        }
    }

    /** The other half of {@link #within}: on SQLite the signal goes to this (the only) instance now. */
    void afterCommit(LiveSignal signal) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            receiver.accept(signal);
        }
    }

    private void notify(Connection c, LiveSignal signal) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, signal.payload());
            notify.execute();
        }
    }

    /** A signal that arrived from the database (any instance's NOTIFY). */
    void received(LiveSignal signal) {
        receiver.accept(signal);
    }
}
