package bg.digiclub.support.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A real SQLite file in WAL mode, the way the agent and the collector open theirs. */
final class SqliteFile {
    private final Path file;

    SqliteFile(Path file) {
        this.file = file;
    }

    String url() {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }
        return c;
    }

    SingleConnection single() throws SQLException {
        return new SingleConnection(connect(), file.toString(), false);
    }

    /** Runs one statement on a connection of its own, committed at once. */
    void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
