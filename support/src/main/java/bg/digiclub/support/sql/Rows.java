package bg.digiclub.support.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Nullable columns read as Java values: JDBC's {@code getLong} answers 0 for SQL NULL and leaves the difference to
 * a later {@code wasNull()}, which is easy to forget or to call after the wrong getter. Every store reads nullable
 * numbers and instants through these, by column index or label.
 */
public final class Rows {
    private Rows() {}

    /** The column as a {@code Long}; null for SQL NULL. */
    public static Long longOrNull(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /** The column as a {@code Long}; null for SQL NULL. */
    public static Long longOrNull(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /** The column as an {@code Integer}; null for SQL NULL. */
    public static Integer intOrNull(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    /** The column as an {@code Integer}; null for SQL NULL. */
    public static Integer intOrNull(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    /** The column as a {@code Double}; null for SQL NULL. */
    public static Double doubleOrNull(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** The column as an {@code OptionalLong}; empty for SQL NULL (e.g. {@code MAX} over no rows). */
    public static OptionalLong optionalLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** A column of epoch milliseconds as an {@code Instant}; null for SQL NULL. */
    public static Instant epochMilliOrNull(ResultSet rows, int column) throws SQLException {
        Long millis = longOrNull(rows, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** A column of epoch milliseconds as an {@code Instant}; null for SQL NULL. */
    public static Instant epochMilliOrNull(ResultSet rows, String column) throws SQLException {
        Long millis = longOrNull(rows, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** A column of epoch seconds as an {@code Instant}; null for SQL NULL. */
    public static Instant epochSecondOrNull(ResultSet rows, int column) throws SQLException {
        Long seconds = longOrNull(rows, column);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /** A column of milliseconds as a {@code Duration}; null for SQL NULL. */
    public static Duration millisOrNull(ResultSet rows, String column) throws SQLException {
        Long millis = longOrNull(rows, column);
        return millis == null ? null : Duration.ofMillis(millis);
    }
}
