package bg.digiclub.support.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database used by many threads at once: {@link #write} takes a connection from the writer's pool, {@link #read}
 * one from the readers' pool. For SQLite the writer's pool holds one connection (SQLite has one writer at a time;
 * waiting in the pool is cheaper than retrying {@code SQLITE_BUSY}) and WAL lets the readers run beside it; for
 * PostgreSQL both may be the same pool.
 *
 * <p>A read runs in a transaction at {@code REPEATABLE READ} or stronger, so that all its queries see one snapshot:
 * a connection whose default is weaker (PostgreSQL's {@code READ COMMITTED}) is raised for the read and set back.
 * It ends with a rollback: a read keeps nothing. A read begun inside a read of the same thread runs on the outer
 * read's connection, in its transaction ({@link SqlDatabase#read}); a write begun inside a read is not part of
 * it, and reads inside that write take a reader of their own, as they would outside.
 */
public final class WriterAndReaders implements SqlDatabase {
    private final DataSource writer;
    private final DataSource readers;
    private final AutoCloseable pools;
    /** The readers' default isolation, asked once (PostgreSQL answers with a round trip); -1 until then. */
    private volatile int readersIsolation = -1;
    /** The connection of the read this thread is in, if any: a read begun inside it joins its snapshot. */
    private final ThreadLocal<Connection> reading = new ThreadLocal<>();

    /**
     * @param writer  where {@link #write} gets its connection
     * @param readers where {@link #read} gets its connection; may be {@code writer}
     * @param pools   closes both pools, called once by {@link #close()}
     */
    public WriterAndReaders(DataSource writer, DataSource readers, AutoCloseable pools) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.readers = Objects.requireNonNull(readers, "readers");
        this.pools = Objects.requireNonNull(pools, "pools");
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        Objects.requireNonNull(work, "work");
        Connection outerRead = reading.get();
        reading.remove();
        try (Connection connection = writer.getConnection()) {
            return Transactions.committed(connection, work);
        } finally {
            if (outerRead != null) {
                reading.set(outerRead);
            }
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        Objects.requireNonNull(work, "work");
        Connection outerRead = reading.get();
        if (outerRead != null) {
            return work.run(outerRead);
        }
        try (Connection connection = readers.getConnection()) {
            int isolation = readersIsolation;
            if (isolation < 0) {
                isolation = connection.getTransactionIsolation();
                readersIsolation = isolation;
            }
            boolean raise = isolation < Connection.TRANSACTION_REPEATABLE_READ;
            if (raise) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            reading.set(connection);
            try {
                return Transactions.rolledBack(connection, work);
            } finally {
                reading.remove();
                if (raise) {
                    connection.setTransactionIsolation(isolation);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            pools.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the database's connection pools: " + e.getMessage(), e);
        }
    }
}
