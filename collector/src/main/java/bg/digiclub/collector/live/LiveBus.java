package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private volatile Consumer<LiveSignal> receiver = signal -> {};

    LiveBus(Database database) {
        this.database = Objects.requireNonNull(database, "database");
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
     * Tells the other instances within a write transaction (PostgreSQL delivers a NOTIFY at the
     * commit, and not at all on a rollback); with SQLite there is one instance, and no other to tell.
     */
    void tellOthers(Connection c, LiveSignal signal) throws SQLException {
        if (database.dialect() == Dialect.POSTGRESQL) {
            notify(c, signal);
        }
    }

    private static void notify(Connection c, LiveSignal signal) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, LiveSignal.CHANNEL);
            notify.setString(2, signal.payload());
            notify.execute();
        }
    }

    /** A signal that arrived from the database (any instance's NOTIFY). */
    void received(LiveSignal signal) {
        receiver.accept(signal);
    }
}
