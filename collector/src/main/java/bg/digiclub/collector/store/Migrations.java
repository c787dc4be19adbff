package bg.digiclub.collector.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<what>.sql} on the class path, applied
 * in order, each in its own transaction, recorded in {@code schema_version}. The same SQL runs
 * on SQLite and PostgreSQL (both have transactional DDL). A migration is never edited once
 * released: a change is a new file.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Every migration, in order. */
    static final List<String> FILES = List.of("V1__schema.sql", "V2__sequence_per_kind.sql",
            "V3__enrolment_requests.sql", "V4__tile_categories.sql");

    private final Database database;

    Migrations(Database database) {
        this.database = database;
    }

    void apply() {
        try {
            database.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                            + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
                }
                return null;
            });
            int current = database.read(Migrations::currentVersion);
            for (int i = current; i < FILES.size(); i++) {
                int version = i + 1;
                String file = FILES.get(i);
                List<String> statements = statements(read(file));
                database.write(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        for (String sql : statements) {
                            statement.execute(sql);
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                        insert.setInt(1, version);
                        insert.setString(2, file);
                        insert.setLong(3, Instant.now().getEpochSecond());
                        insert.executeUpdate();
                    }
                    return null;
                });
                LOG.info("database migrated to version {} ({})", version, file);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a migration at semicolons that end a line; lines starting with -- are comments. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration ends without ';': " + current);
        }
        return statements;
    }
}
