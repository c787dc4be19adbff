package bg.digiclub.support.sql;

import java.sql.SQLException;

/**
 * The one vocabulary for using a database: {@code write} is a transaction on the single writer, {@code read} a
 * consistent read snapshot. How each is kept (one shared connection, a writer beside a reader pool) is the
 * implementation's business; see the package documentation.
 */
public interface Database extends AutoCloseable {

    /** Runs {@code work} in one transaction on the writer: committed if it returns, rolled back if it throws. */
    <T> T write(SqlWork<T> work) throws SQLException;

    /** Runs {@code work} on one consistent snapshot: everything it reads was committed before it began. */
    <T> T read(SqlWork<T> work) throws SQLException;

    @Override
    void close();
}
