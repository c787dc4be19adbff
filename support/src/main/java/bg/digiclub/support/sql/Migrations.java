package bg.digiclub.support.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one schema migration runner: scripts {@code V<n>__<what>.sql} listed in an {@code index.txt} beside them (a
 * class path cannot be listed portably inside a jar), applied in that order, each in its own transaction, and
 * recorded in {@code schema_version} with a checksum of the script.
 *
 * <ul>
 *   <li>What runs is decided by the set of applied versions, not by "newer than the highest": owners number in
 *       ranges (the agent's 1-9, 10-19, 20-29), so a V3 released after V11 was applied still runs.</li>
 *   <li>An applied script whose text changed is refused with an error naming the file: an applied migration is
 *       never edited, only followed by a new one.</li>
 *   <li>A {@code schema_version} written before checksums were recorded (the agent's with a text
 *       {@code applied_at}, the collector's with epoch seconds) is upgraded in place: the column is added, the
 *       scripts applied then are taken as they are now, and every row stays.</li>
 * </ul>
 *
 * The same SQL runs on SQLite and PostgreSQL: both have transactional DDL.
 */
public final class Migrations {
    /** The table that records applied migrations. */
    public static final String TABLE = "schema_version";

    private static final DateTimeFormatter SQLITE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final List<Migration> migrations;

    /** Migrations in the order given; versions must increase. */
    public Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        int last = 0;
        for (Migration m : this.migrations) {
            if (m.version() <= last) {
                throw new IllegalArgumentException(
                        "migrations out of order at " + m.file() + ": version " + m.version() + " after " + last);
            }
            last = m.version();
        }
    }

    /**
     * The migrations listed, one file name a line, in {@code <location>index.txt} on {@code loader}'s class path;
     * blank lines and lines starting with {@code #} are skipped.
     *
     * @param location a class path folder ending in {@code /}, e.g. {@code db/migration/}
     */
    public static Migrations listedIn(ClassLoader loader, String location) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(location, "location");
        if (!location.endsWith("/")) {
            throw new IllegalArgumentException("a migration location ends with '/', was " + location);
        }
        List<Migration> list = new ArrayList<>();
        for (String line : resource(loader, location + "index.txt").split("\r?\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                list.add(Migration.of(file, resource(loader, location + file)));
            }
        }
        return new Migrations(list);
    }

    public List<Migration> all() {
        return migrations;
    }

    /** The highest version known, 0 if there are none. */
    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Brings {@code database} up to date: records checksums missing from an older {@code schema_version}, refuses a
     * changed applied script, applies the pending ones in order.
     *
     * @return the migrations applied now, in order
     * @throws IllegalStateException naming the file if an applied script has changed since
     * @throws SQLException          if a migration fails (naming it; that migration is rolled back)
     */
    public List<Migration> migrate(SqlDatabase database) throws SQLException {
        Objects.requireNonNull(database, "database");
        boolean textTime = database.write(Migrations::prepareTable);
        Map<Integer, String> applied = database.write(this::verifyApplied);
        List<Migration> done = new ArrayList<>();
        for (Migration m : migrations) {
            if (!applied.containsKey(m.version())) {
                database.write(c -> apply(c, m, textTime));
                done.add(m);
            }
        }
        return List.copyOf(done);
    }

    /** The migrations not yet applied to the database behind {@code connection}, which may be read-only. */
    public List<Migration> pending(Connection connection) throws SQLException {
        Map<Integer, String> applied = hasTable(connection) ? applied(connection) : Map.of();
        return migrations.stream()
                .filter(m -> !applied.containsKey(m.version()))
                .toList();
    }

    /**
     * Creates the table if missing, adds the checksum column to one from before checksums; answers whether its
     * {@code applied_at} is text (the agent's first layout) rather than epoch seconds.
     */
    private static boolean prepareTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE IF NOT EXISTS " + TABLE + " (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                            + " applied_at BIGINT NOT NULL, checksum VARCHAR(64))");
            Map<String, Integer> columns = columns(c);
            Integer appliedAt = columns.get("applied_at");
            boolean textTime = appliedAt != null
                    && (appliedAt == Types.VARCHAR
                            || appliedAt == Types.CHAR
                            || appliedAt == Types.LONGVARCHAR
                            || appliedAt == Types.NVARCHAR
                            || appliedAt == Types.CLOB);
            boolean hasChecksum = columns.containsKey("checksum");
            if (!hasChecksum) {
                st.execute("ALTER TABLE " + TABLE + " ADD COLUMN checksum VARCHAR(64)");
            }
            return textTime;
        }
    }

    /** Records the checksum of scripts applied before checksums were kept; refuses a changed script. */
    private Map<Integer, String> verifyApplied(Connection c) throws SQLException {
        Map<Integer, String> applied = applied(c);
        for (Migration m : migrations) {
            if (!applied.containsKey(m.version())) {
                continue;
            }
            String recorded = applied.get(m.version());
            if (recorded == null) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE " + TABLE + " SET checksum = ? WHERE version = ?")) {
                    ps.setString(1, m.checksum());
                    ps.setInt(2, m.version());
                    ps.executeUpdate();
                }
                applied.put(m.version(), m.checksum());
            } else if (!recorded.equals(m.checksum())) {
                throw new IllegalStateException("the migration " + m.file() + " was changed after it was applied"
                        + " (checksum " + recorded + " then, " + m.checksum() + " now): an applied migration is never"
                        + " edited; restore it and add a new V<n>__<what>.sql for the change");
            }
        }
        return applied;
    }

    /** Applied versions and their checksums (null where none was recorded). */
    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        boolean hasChecksum = columns(c).containsKey("checksum");
        String select = "SELECT version, " + (hasChecksum ? "checksum" : "NULL") + " FROM " + TABLE;
        try (Statement st = c.createStatement();
                ResultSet rows = st.executeQuery(select)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    /** The table's columns, lower case, and their JDBC types. */
    private static Map<String, Integer> columns(Connection c) throws SQLException {
        Map<String, Integer> columns = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet none = st.executeQuery("SELECT * FROM " + TABLE + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
        }
        return columns;
    }

    private static boolean hasTable(Connection c) throws SQLException {
        // in the connection's own schema: a PostgreSQL server may hold other databases' tables of the same name
        try (ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), TABLE, null)) {
            return tables.next();
        }
    }

    private static Void apply(Connection c, Migration m, boolean textTime) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : m.script().statements()) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new SQLException(
                    "migration " + m.file() + " failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + TABLE + " (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)")) {
            Instant now = Instant.now();
            ps.setInt(1, m.version());
            ps.setString(2, m.file());
            if (textTime) {
                ps.setString(3, SQLITE_DATETIME.format(now));
            } else {
                ps.setLong(3, now.getEpochSecond());
            }
            ps.setString(4, m.checksum());
            ps.executeUpdate();
        }
        return null;
    }

    private static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the migration resource " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the migration resource " + path + ": " + e.getMessage(), e);
        }
    }
}
