package bg.digiclub.support.sql;

import java.sql.SQLException;

/**
 * The one vocabulary for using a database, the same in the agent and the collector: {@link #write} is a
 * transaction on the single writer, {@link #read} a consistent read snapshot. How each is kept (one shared
 * connection, or a writer beside a pool of readers) is the implementation's business; see the package
 * documentation for why there are two.
 */
public interface SqlDatabase extends AutoCloseable {

    /** Runs {@code work} in one transaction on the writer: committed if it returns, rolled back if it throws. */
    <T> T write(SqlWork<T> work) throws SQLException;

    /**
     * Runs {@code work} on one consistent read snapshot: all its queries see the same committed state, however
     * much is written meanwhile. Nothing it writes is kept.
     *
     * <p>A read begun inside another read of the same thread joins it: its queries see the outer read's snapshot.
     * So a figure assembled from several readers (each reading on its own) is consistent when the caller wraps
     * them in one read: nothing committed between two of them can make them disagree.
     */
    <T> T read(SqlWork<T> work) throws SQLException;

    /** Closes every connection; an already closed database stays closed. */
    @Override
    void close();
}
