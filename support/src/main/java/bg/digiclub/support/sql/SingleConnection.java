package bg.digiclub.support.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A database used through one connection, every use serialized on this object: a writer and its reads share the
 * connection's page cache, and nothing is pooled. Right for an embedded database with one writing process (the
 * agent's SQLite file): the writer never waits for another connection, and a second process reading the same
 * file (WAL) gets its own instance.
 *
 * <p>{@link #read} is a read transaction on the same connection, ended by a rollback (a read inside a read joins
 * it, and so does a read inside a {@link #write}: it sees the write's changes so far and leaves its transaction
 * open); {@link #autoCommit} is for the few statements SQLite refuses inside a transaction ({@code PRAGMA
 * foreign_keys}, {@code wal_checkpoint}).
 */
public final class SingleConnection implements SqlDatabase {
    private final Connection connection;
    private final String name;
    private final boolean readOnly;
    /**
     * Whether a read or a write is running: a read begun inside it joins its transaction instead of ending it early
     * (a rollback inside a write would undo the write in progress).
     */
    private boolean inTransaction;

    /**
     * @param connection the connection, owned from now on (closed by {@link #close()})
     * @param name       what the database is called in error messages, e.g. its file
     * @param readOnly   true if {@link #write} must be refused (a reader in another process)
     */
    public SingleConnection(Connection connection, String name, boolean readOnly) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.name = Objects.requireNonNull(name, "name");
        this.readOnly = readOnly;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public synchronized <T> T write(SqlWork<T> work) throws SQLException {
        Objects.requireNonNull(work, "work");
        if (readOnly) {
            throw new SQLException("the database " + name + " is open read-only");
        }
        boolean outer = inTransaction;
        inTransaction = true;
        try {
            return Transactions.committed(connection, work);
        } finally {
            inTransaction = outer;
        }
    }

    @Override
    public synchronized <T> T read(SqlWork<T> work) throws SQLException {
        Objects.requireNonNull(work, "work");
        if (inTransaction) {
            return work.run(connection);
        }
        inTransaction = true;
        try {
            return Transactions.rolledBack(connection, work);
        } finally {
            inTransaction = false;
        }
    }

    /**
     * Runs {@code work} outside any transaction, each statement committing on its own: only for statements that
     * cannot run inside one. Reads and writes go through {@link #read} and {@link #write}.
     */
    public synchronized <T> T autoCommit(SqlWork<T> work) throws SQLException {
        Objects.requireNonNull(work, "work");
        return work.run(connection);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing is pending on a connection between uses: every use ends its transaction
            throw new IllegalStateException("cannot close the database " + name + ": " + e.getMessage(), e);
        }
    }
}
