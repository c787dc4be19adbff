package bg.digiclub.collector.store;

import java.sql.SQLException;

/** The two databases the collector runs on, and the little that differs between them. */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The dialect for a JDBC URL, or an exception naming the URL's scheme. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("--db-url must start with jdbc:sqlite: or jdbc:postgresql:, was "
                + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
    }

    /** True if the exception (or one chained to it) is a primary-key or unique-constraint violation. */
    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && violatesUnique(sql)) {
                return true;
            }
        }
        // a failed JDBC batch keeps the database's own exception as the "next" one
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            if (violatesUnique(next)) {
                return true;
            }
        }
        return false;
    }

    private boolean violatesUnique(SQLException sql) {
        if (this == POSTGRESQL) {
            return "23505".equals(sql.getSQLState());
        }
        // sqlite-jdbc names the extended result code in the message
        String message = String.valueOf(sql.getMessage());
        return message.contains("SQLITE_CONSTRAINT_PRIMARYKEY") || message.contains("SQLITE_CONSTRAINT_UNIQUE");
    }
}
