package bg.digiclub.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations, applied in order at start-up, each in its own transaction.
 *
 * <p>Migrations are classpath resources {@code db/migration/V<n>__<name>.sql}, listed in
 * {@code db/migration/index.txt} one file name per line (a classpath cannot be listed
 * portably inside a jar). Version ranges by owner: 1-9 health store, 10-19 sessions and
 * members, 20-29 usage aggregation and outbox. Applied versions are recorded in
 * {@code schema_version}; an applied migration is never edited, only followed by a new one.
 */
public final class Migrations {
    public static final String DEFAULT_LOCATION = "db/migration/";

    private final String location;

    public Migrations(String location) {
        this.location = location;
    }

    /** Applies every migration newer than the database's version. */
    public void migrate(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = currentVersion(connection);
        for (Migration m : list()) {
            if (m.version() <= current) {
                continue;
            }
            apply(connection, m);
        }
    }

    /** The highest version this build knows, 0 if it has no migrations. */
    public int latestVersion() {
        List<Migration> all = list();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
    }

    /** The highest applied version, 0 for a new database. */
    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<Migration> list() {
        String index = resource(location + "index.txt");
        List<Migration> result = new ArrayList<>();
        int last = 0;
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Migration m = Migration.parse(name, resource(location + name));
            if (m.version() <= last) {
                throw new IllegalStateException("migrations out of order in " + location + "index.txt at " + name);
            }
            last = m.version();
            result.add(m);
        }
        return result;
    }

    private static void apply(Connection connection, Migration m) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (String sql : m.statements()) {
                st.execute(sql);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, datetime('now'))")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.name());
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + m.name() + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** One migration file: its version, name and SQL statements. */
    record Migration(int version, String name, List<String> statements) {
        static Migration parse(String fileName, String sql) {
            if (!fileName.matches("V\\d+__[A-Za-z0-9_]+\\.sql")) {
                throw new IllegalStateException("bad migration file name " + fileName + " (want V<n>__<name>.sql)");
            }
            int version = Integer.parseInt(fileName.substring(1, fileName.indexOf("__")));
            List<String> statements = new ArrayList<>();
            StringBuilder noComments = new StringBuilder();
            for (String line : sql.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    noComments.append(line).append('\n');
                }
            }
            // Statements are separated by ';' at the end of a line; triggers are not used.
            for (String part : noComments.toString().split(";\\s*\n")) {
                if (!part.isBlank()) {
                    statements.add(part.strip());
                }
            }
            return new Migration(version, fileName, List.copyOf(statements));
        }
    }
}
