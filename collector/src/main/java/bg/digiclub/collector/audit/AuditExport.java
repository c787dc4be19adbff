package bg.digiclub.collector.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.support.sql.SqlDatabase;

/**
 * Everything the collector holds for a period, for an audit: every table of {@link ExportTable#ALL_TABLES}
 * as {@code <table>.csv} (UTF-8, RFC 4180: comma, CRLF, a header line, quotes where needed, NULL empty) and
 * {@code <table>.json} (an array of objects, numbers as numbers, NULL as null), and {@code manifest.json}:
 * the period, the SHA-256 and size of every file, the rows of every table, the columns left out and why,
 * and the chain's head at the export. All of it is read on one consistent snapshot.
 */
public final class AuditExport {
    /** The version of the export's layout, in the manifest. */
    public static final String FORMAT = "digiclub-audit-export/1";

    private final SqlDatabase database;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AuditExport(SqlDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The days of an export and the time zone that turns them into instants. */
    public record Period(LocalDate from, LocalDate to, ZoneId zone) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(zone, "zone");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    /** Where the files go: a directory, or the entries of a zip. */
    @FunctionalInterface
    public interface Destination {
        /** A stream for the next file; closing it ends that file. */
        OutputStream create(String name) throws IOException;
    }

    /** Files in a directory, created if missing; existing files of the same name are replaced. */
    public static Destination into(Path directory) throws IOException {
        Files.createDirectories(directory);
        return name -> Files.newOutputStream(directory.resolve(name));
    }

    /** Entries of a zip, one after the other; the caller finishes the zip. */
    public static Destination into(ZipOutputStream zip) {
        return name -> {
            zip.putNextEntry(new ZipEntry(name));
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                    zip.closeEntry();
                }
            };
        };
    }

    /** One file written and its digest. */
    public record Written(String name, String sha256, long bytes) {}

    /** One table exported. */
    public record TableRows(String table, long rows, String periodColumn, Map<String, String> leftOut) {}

    /** What manifest.json says. */
    public record Manifest(
            String format,
            String from,
            String to,
            String zone,
            long exportedAt,
            BatchLog.Head chainHead,
            List<TableRows> tables,
            List<Written> files) {}

    /** Writes the period's export; its manifest. */
    public Manifest write(Period period, Destination files) throws SQLException, IOException {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(files, "files");
        try {
            return database.read(c -> {
                try {
                    return write(c, period, files);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Manifest write(Connection c, Period period, Destination files) throws SQLException, IOException {
        BatchLog.Head head = BatchLog.head(c);
        List<TableRows> tables = new ArrayList<>();
        List<Written> written = new ArrayList<>();
        for (ExportTable table : ExportTable.ALL_TABLES) {
            long[] rows = new long[1];
            written.add(file(files, table.name() + ".csv", out -> rows[0] = csv(c, table, period, out)));
            written.add(file(files, table.name() + ".json", out -> json(c, table, period, out)));
            tables.add(new TableRows(table.name(), rows[0], table.periodColumn(), table.leftOut()));
        }
        Manifest manifest = new Manifest(
                FORMAT,
                period.from().toString(),
                period.to().toString(),
                period.zone().getId(),
                clock.millis(),
                head,
                tables,
                written);
        try (OutputStream out = files.create("manifest.json")) {
            json.writeValue(new NonClosing(out), manifest);
        }
        return manifest;
    }

    @FunctionalInterface
    private interface Content {
        void write(OutputStream out) throws SQLException, IOException;
    }

    private static Written file(Destination files, String name, Content content) throws SQLException, IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long[] bytes = new long[1];
        try (OutputStream file = files.create(name);
                DigestOutputStream out = new DigestOutputStream(new Counting(file, bytes), sha)) {
            content.write(out);
        }
        return new Written(name, HexFormat.of().formatHex(sha.digest()), bytes[0]);
    }

    /** Writes the table's rows of the period as CSV; the rows written. */
    private static long csv(Connection c, ExportTable table, Period period, OutputStream out)
            throws SQLException, IOException {
        long rows = 0;
        Writer text = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        try (PreparedStatement select = select(c, table, period);
                ResultSet row = select.executeQuery();
                CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            List<Integer> columns = columns(row.getMetaData(), table);
            for (int column : columns) {
                csv.print(row.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT));
            }
            csv.println();
            while (row.next()) {
                for (int column : columns) {
                    Object value = row.getObject(column);
                    csv.print(value == null ? "" : value.toString());
                }
                csv.println();
                rows++;
            }
        }
        return rows;
    }

    /** Writes the table's rows of the period as a JSON array of objects. */
    private void json(Connection c, ExportTable table, Period period, OutputStream out)
            throws SQLException, IOException {
        try (PreparedStatement select = select(c, table, period);
                ResultSet row = select.executeQuery();
                JsonGenerator generator = json.getFactory().createGenerator(new NonClosing(out), JsonEncoding.UTF8)) {
            ResultSetMetaData meta = row.getMetaData();
            List<Integer> columns = columns(meta, table);
            generator.writeStartArray();
            while (row.next()) {
                generator.writeStartObject();
                for (int column : columns) {
                    generator.writeFieldName(meta.getColumnLabel(column).toLowerCase(Locale.ROOT));
                    Object value = row.getObject(column);
                    if (value == null) {
                        generator.writeNull();
                    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                        generator.writeNumber(((Number) value).longValue());
                    } else if (value instanceof Number number) {
                        generator.writeNumber(number.doubleValue());
                    } else {
                        generator.writeString(value.toString());
                    }
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
    }

    /** The result's columns that are written: all but those left out. */
    private static List<Integer> columns(ResultSetMetaData meta, ExportTable table) throws SQLException {
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (!table.leftOut().containsKey(meta.getColumnLabel(i).toLowerCase(Locale.ROOT))) {
                columns.add(i);
            }
        }
        return columns;
    }

    private static PreparedStatement select(Connection c, ExportTable table, Period period) throws SQLException {
        String where = table.period() == ExportTable.Period.ALL
                ? ""
                : " WHERE " + table.periodColumn() + " >= ? AND " + table.periodColumn() + " < ?";
        PreparedStatement select =
                c.prepareStatement("SELECT * FROM " + table.name() + where + " ORDER BY " + table.orderBy());
        long[] range = range(table.period(), period);
        if (range != null) {
            select.setLong(1, range[0]);
            select.setLong(2, range[1]);
        }
        return select;
    }

    /** The half-open range of a period column's values in the period; null for every row. */
    static long[] range(ExportTable.Period kind, Period period) {
        long fromSecond = period.from().atStartOfDay(period.zone()).toEpochSecond();
        long toSecond = period.to().plusDays(1).atStartOfDay(period.zone()).toEpochSecond();
        return switch (kind) {
            case ALL -> null;
            case DAY -> new long[] {period.from().toEpochDay(), period.to().toEpochDay() + 1};
            case MONTH -> new long[] {MonthKey.of(period.from()), MonthKey.of(period.to()) + 1};
            case SECONDS -> new long[] {fromSecond, toSecond};
            case MILLIS -> new long[] {fromSecond * 1000, toSecond * 1000};
        };
    }

    /** Counts what passes through. */
    private static final class Counting extends FilterOutputStream {
        private final long[] count;

        Counting(OutputStream out, long[] count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count[0] += len;
        }
    }

    /** Lets a writer be closed (flushed) without closing the file under it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
