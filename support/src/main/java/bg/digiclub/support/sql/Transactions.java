package bg.digiclub.support.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two ways a connection runs work, written once for both {@link SqlDatabase} implementations:
 * as a write (committed if the work returns, rolled back if it throws) and as a read (always
 * rolled back: a read keeps nothing). Either way the connection is left in auto-commit, as a pool
 * or the next use expects it.
 */
final class Transactions {
    private Transactions() {}

    static <T> T committed(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static <T> T rolledBack(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            return work.run(connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
