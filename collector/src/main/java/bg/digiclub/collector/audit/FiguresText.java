package bg.digiclub.collector.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.postgresql.PGStatement;

/**
 * The canonical text of figures, and its SHA-256: what a batch's line in the {@link BatchLog} vouches
 * for. The text is the line {@code digiclub-figures/1}, then one line per raw row ({@link RawTable}):
 * the table's name and the row's columns in the table's order, separated by {@code |}; a number in
 * decimal, a measure as Java's {@code Double.toString}, a text with {@code \} {@code |}, line feed and
 * carriage return escaped as {@code \\ \| \n \r}, a NULL as {@code \N}; every line ends with a line
 * feed, the whole in UTF-8. Rows are ordered by table (by name), then by device id, then by their
 * line (both in Java's string order: byte order for these ASCII texts). The batch's own id is not in
 * the rows: its line in the log names it.
 */
final class FiguresText {
    static final String HEADER = "digiclub-figures/1";
    /** Batch ids per statement when figures are read by batch. */
    static final int CHUNK = 256;

    private FiguresText() {}

    /**
     * The figures hash of each batch, as the tables hold its rows now (a batch with no rows gets the
     * hash of the header alone).
     */
    static Map<String, String> ofBatches(Connection c, Collection<String> batchIds) throws SQLException {
        Map<String, EnumMap<RawTable, List<String>>> lines = new HashMap<>();
        List<String> ids = List.copyOf(batchIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (RawTable table : RawTable.values()) {
                String sql = "SELECT t.batch_id, " + table.selectList() + " FROM " + table.table
                        + " t WHERE t.batch_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement select = readBack(c, sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            lines.computeIfAbsent(rows.getString(1), k -> new EnumMap<>(RawTable.class))
                                    .computeIfAbsent(table, k -> new ArrayList<>())
                                    .add(line(table, rows, 2));
                        }
                    }
                }
            }
        }
        Map<String, String> hashes = new HashMap<>();
        for (String id : ids) {
            Sha256 sha = new Sha256().line(HEADER);
            // one device per batch: by table, then by line
            for (List<String> rows :
                    lines.getOrDefault(id, new EnumMap<>(RawTable.class)).values()) {
                rows.stream().sorted().forEach(sha::line);
            }
            hashes.put(id, sha.hex());
        }
        return hashes;
    }

    /**
     * A read-back statement, planned for each execution on PostgreSQL. A statement the driver reuses gets
     * a generic plan after a few executions, made while the tables may still have been small or without
     * statistics (a new database, or one just upgraded): a sequential scan, kept for every later group.
     * Intake on PostgreSQL fell to a third with it; planned anew, the query uses the index on
     * {@code batch_id}.
     */
    private static PreparedStatement readBack(Connection c, String sql) throws SQLException {
        PreparedStatement select = c.prepareStatement(sql);
        if (select.isWrapperFor(PGStatement.class)) {
            select.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return select;
    }

    /**
     * The figures hash of every raw row that belongs to no batch of the log: at the genesis, everything
     * stored before the chain began; later, the same rows, unless some were edited, removed or added.
     * Read one table and device at a time, so that a large database is never in memory at once.
     */
    static String outsideTheLog(Connection c) throws SQLException {
        Sha256 sha = new Sha256().line(HEADER);
        for (RawTable table : RawTable.values()) {
            TreeSet<String> devices = new TreeSet<>();
            try (PreparedStatement select = c.prepareStatement(
                            "SELECT DISTINCT t.device_id FROM " + table.table + " t WHERE " + table.outsideTheLog());
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    devices.add(rows.getString(1));
                }
            }
            String sql = "SELECT " + table.selectList() + " FROM " + table.table + " t WHERE t.device_id = ? AND "
                    + table.outsideTheLog();
            try (PreparedStatement select = readBack(c, sql)) {
                for (String device : devices) {
                    select.setString(1, device);
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            lines.add(line(table, rows, 1));
                        }
                    }
                    lines.stream().sorted().forEach(sha::line);
                }
            }
        }
        return sha.hex();
    }

    /** The row's line; its first column is at {@code first}. */
    private static String line(RawTable table, ResultSet row, int first) throws SQLException {
        StringBuilder line = new StringBuilder(table.table);
        for (int i = 0; i < table.columns.size(); i++) {
            line.append('|');
            int at = first + i;
            switch (table.columns.get(i).kind()) {
                case NUMBER -> {
                    long value = row.getLong(at);
                    line.append(row.wasNull() ? "\\N" : Long.toString(value));
                }
                case DECIMAL -> {
                    double value = row.getDouble(at);
                    line.append(row.wasNull() ? "\\N" : Double.toString(value));
                }
                case TEXT -> {
                    String value = row.getString(at);
                    line.append(value == null ? "\\N" : escape(value));
                }
            }
        }
        return line.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
