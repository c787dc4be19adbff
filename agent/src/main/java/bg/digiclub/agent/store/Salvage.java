package bg.digiclub.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Copies what can still be read from a damaged database into the new one that replaces it:
 * the enrolment (the device's id and token), the staff PIN, member cards, the session ledger,
 * the outbox and what was sealed (so nothing is sent twice or under a repeated sequence), the
 * alert history — every table of the new schema that the old file has, except the health
 * samples, which are many, re-measured and not worth a damaged page's risk.
 *
 * <p>The damaged file is only read, through a copy (see {@link #copy}). Each table is read row by row: when a damaged page stops the reading, the
 * rows read so far are kept and the table is reported as partly saved. Only the columns both
 * schemas have are copied; a row the new schema refuses is skipped and counted. A saved row
 * replaces the row a migration put into the new database (the upload state's last sequence
 * must carry on from the old one's, or the collector would see sequences repeat).
 */
final class Salvage {
    /** Health samples and their bookkeeping, and the migrations' own table: not copied. */
    static final Set<String> NOT_SAVED =
            Set.of("schema_version", "metric", "sample", "sample_hourly", "latest_process", "store_state");

    private static final Logger LOG = LoggerFactory.getLogger(Salvage.class);

    private Salvage() {}

    /**
     * What happened to one table.
     *
     * @param copied  rows now in the new database
     * @param skipped rows read but refused by the new schema
     * @param problem why reading stopped early (a damaged page), null if the whole table was read
     */
    record TableResult(int copied, int skipped, String problem) {}

    /** The results per table, in copy order; empty if the damaged file could not be opened at all. */
    record Report(Map<String, TableResult> tables, String openProblem) {
        /** One line for the alert: what was saved and what was not. */
        String summary() {
            if (openProblem != null) {
                return "Nothing could be read from it (" + openProblem + ").";
            }
            String saved = tables.entrySet().stream()
                    .filter(e -> e.getValue().copied() > 0)
                    .map(e -> e.getKey() + " " + e.getValue().copied())
                    .collect(Collectors.joining(", "));
            String partly = tables.entrySet().stream()
                    .filter(e -> e.getValue().problem() != null || e.getValue().skipped() > 0)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.joining(", "));
            return "Rows saved into the new database: " + (saved.isEmpty() ? "none" : saved) + "."
                    + (partly.isEmpty() ? "" : " Partly lost (damaged or refused rows): " + partly + ".")
                    + " Health samples were not saved.";
        }
    }

    /**
     * Copies from the damaged file {@code damaged} into {@code fresh} (migrated, empty). Never throws.
     *
     * <p>The damaged file, its {@code -wal} and {@code -shm} stay byte for byte as they were: even
     * a read-only connection rewrites the {@code -shm}, so the reading is done on a copy of the
     * file and its WAL (whose commits are the newest data). When there is no room for a copy, the
     * file alone is read in SQLite's immutable mode, which touches nothing but cannot see the WAL.
     */
    static Report copy(Path damaged, Database fresh) {
        Path work = damaged.resolveSibling(damaged.getFileName() + ".salvage");
        String url;
        try {
            deleteWithCompanions(work);
            Files.copy(damaged, work);
            Path wal = companion(damaged, "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, companion(work, "-wal"));
            }
            url = "jdbc:sqlite:" + work.toAbsolutePath();
        } catch (IOException e) {
            LOG.warn("no room to copy the damaged database for reading ({}); reading it without its WAL", e.toString());
            deleteWithCompanions(work);
            url = "jdbc:sqlite:file:" + damaged.toAbsolutePath() + "?immutable=1";
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection old = DriverManager.getConnection(url, config.toProperties())) {
            return fresh.autoCommit(target -> copyAll(old, target));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("nothing could be read from the damaged database {}: {}", damaged, e.toString());
            return new Report(Map.of(), String.valueOf(e.getMessage()));
        } finally {
            deleteWithCompanions(work);
        }
    }

    private static void deleteWithCompanions(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(companion(file, suffix));
            } catch (IOException e) {
                LOG.warn("cannot remove the salvage copy {}: {}", companion(file, suffix), e.toString());
            }
        }
    }

    private static Path companion(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Report copyAll(Connection old, Connection target) throws SQLException {
        List<String> tables = tables(target);
        Set<String> oldTables = new LinkedHashSet<>(tablesOrEmpty(old));
        Map<String, TableResult> results = new LinkedHashMap<>();
        try (Statement st = target.createStatement()) {
            // rows arrive table by table, a child's parent possibly lost: keep what can be kept
            st.execute("PRAGMA foreign_keys = OFF");
        }
        try {
            for (String table : tables) {
                if (NOT_SAVED.contains(table) || !oldTables.contains(table)) {
                    continue;
                }
                results.put(table, copyTable(old, target, table));
            }
        } finally {
            try (Statement st = target.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
        return new Report(results, null);
    }

    private static TableResult copyTable(Connection old, Connection target, String table) throws SQLException {
        List<String> columns;
        try {
            columns = new ArrayList<>(columns(target, table));
            columns.retainAll(columns(old, table));
        } catch (SQLException e) {
            return new TableResult(0, 0, e.getMessage());
        }
        if (columns.isEmpty()) {
            return new TableResult(0, 0, "no columns in common");
        }
        String list = columns.stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
        String insert = "INSERT OR REPLACE INTO \"" + table + "\" (" + list + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        int copied = 0;
        int skipped = 0;
        String problem = null;
        target.setAutoCommit(false);
        try (PreparedStatement write = target.prepareStatement(insert);
                Statement read = old.createStatement()) {
            try (ResultSet rows = read.executeQuery("SELECT " + list + " FROM \"" + table + "\"")) {
                while (rows.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        write.setObject(i + 1, rows.getObject(i + 1));
                    }
                    try {
                        if (write.executeUpdate() == 1) {
                            copied++;
                        } else {
                            skipped++;
                        }
                    } catch (SQLException refused) {
                        skipped++;
                    }
                }
            } catch (SQLException damaged) {
                problem = damaged.getMessage();
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(true);
        }
        return new TableResult(copied, skipped, problem);
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> tablesOrEmpty(Connection c) {
        try {
            return tables(c);
        } catch (SQLException e) {
            LOG.warn("the damaged database's list of tables is unreadable: {}", e.getMessage());
            return List.of();
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
