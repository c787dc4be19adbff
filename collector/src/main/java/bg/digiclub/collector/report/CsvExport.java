package bg.digiclub.collector.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * The programme-reporting CSV: one row per club for one period (and a total row when several
 * clubs are exported). Demographic columns carry the same suppression as the dashboard: "<5"
 * for 1-4, "x" for numbers hidden so that those cannot be worked out; so do the
 * {@code tile_sessions_<category>} columns (sessions that used a launcher tile of the category),
 * whose all-clubs number is also hidden where it would reveal a club's hidden one.
 *
 * <p>{@code member_days} is distinct members per PC and day, added up: per-day distinct counts
 * cannot be added into a distinct count for the period, so this is a count of member visits
 * (one per member, PC and day), not of people.
 */
public final class CsvExport {
    /** One club's row: its summary and its exact counts, which the export suppresses. */
    public record Row(ClubSummary summary, ClubCounts counts) {
        public Row {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(counts, "counts");
        }

        long[][] demographics() {
            return counts.demographics();
        }

        long[] tileCategories() {
            return counts.tileCategories();
        }
    }

    /** RFC 4180: commas, quotes and line breaks quoted, lines ended with CR LF. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvExport() {}

    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of(
                "club_id",
                "club_name",
                "place",
                "period_from",
                "period_to",
                "sessions",
                "session_hours",
                "guest_sessions",
                "member_sessions",
                "member_days",
                "devices_active"));
        for (AgeBand band : AgeBand.values()) {
            for (Sex sex : Sex.values()) {
                header.add("sessions_" + name(band) + "_" + name(sex));
            }
            header.add("sessions_" + name(band) + "_total");
        }
        for (Sex sex : Sex.values()) {
            header.add("sessions_total_" + name(sex));
        }
        header.add("sessions_total");
        for (TileCategory category : TileCategory.values()) {
            header.add("tile_sessions_" + category.key().replace('-', '_'));
        }
        return header;
    }

    /** Writes the header, the rows and, for more than one club, a total row (with its own suppression). */
    public static void write(Writer out, Period period, List<Row> rows) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rows, "rows");
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord(header());
        Sums totals = Sums.NONE;
        long[][] allDemographics = new long[AgeBand.values().length][Sex.values().length];
        long[] allTiles = new long[TileCategory.values().length];
        for (Row row : rows) {
            ClubSummary s = row.summary();
            Sums sums = Sums.of(s);
            List<String> values = values(
                    s.club().id(),
                    s.club().name(),
                    s.club().place(),
                    period,
                    sums,
                    SmallCountSuppression.apply(row.demographics()));
            for (int i = 0; i < allTiles.length; i++) {
                values.add(SmallCountSuppression.alone(row.tileCategories()[i]).text());
                allTiles[i] += row.tileCategories()[i];
            }
            csv.printRecord(values);
            totals = totals.plus(sums);
            for (int r = 0; r < allDemographics.length; r++) {
                for (int c = 0; c < allDemographics[r].length; c++) {
                    allDemographics[r][c] += row.demographics()[r][c];
                }
            }
        }
        if (rows.size() > 1) {
            List<String> values = values("all", "all clubs", "", period, totals, totalTable(rows, allDemographics));
            for (int i = 0; i < allTiles.length; i++) {
                List<Cell> clubs = new ArrayList<>();
                for (Row row : rows) {
                    clubs.add(SmallCountSuppression.alone(row.tileCategories()[i]));
                }
                values.add(SmallCountSuppression.sumOf(allTiles[i], clubs).text());
            }
            csv.printRecord(values);
        }
        csv.flush();
    }

    /** The plain counts of a row, which are added up for the all-clubs row. */
    private record Sums(
            long sessions,
            long sessionMinutes,
            long guestSessions,
            long memberSessions,
            long memberDays,
            long devicesActive) {
        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0);

        static Sums of(ClubSummary s) {
            return new Sums(
                    s.sessions(),
                    s.sessionMinutes(),
                    s.guestSessions(),
                    s.memberSessions(),
                    s.memberDays(),
                    s.devicesActive());
        }

        Sums plus(Sums o) {
            return new Sums(
                    sessions + o.sessions,
                    sessionMinutes + o.sessionMinutes,
                    guestSessions + o.guestSessions,
                    memberSessions + o.memberSessions,
                    memberDays + o.memberDays,
                    devicesActive + o.devicesActive);
        }
    }

    /**
     * The all-clubs table. Each of its numbers is the sum of the clubs' published numbers at the
     * same place, so it is hidden wherever showing it would reveal a club's hidden number; then
     * the table gets its own suppression on top.
     */
    static SuppressedTable totalTable(List<Row> rows, long[][] sum) {
        List<SuppressedTable> clubs = new ArrayList<>();
        for (Row row : rows) {
            clubs.add(SmallCountSuppression.apply(row.demographics()));
        }
        int bands = sum.length;
        int sexes = sum[0].length;
        SuppressedTable plain = SmallCountSuppression.apply(sum);
        boolean[][] forced = new boolean[bands + 1][sexes + 1];
        for (int r = 0; r <= bands; r++) {
            for (int c = 0; c <= sexes; c++) {
                if (r == bands && c == sexes) {
                    continue;
                }
                List<Cell> members = new ArrayList<>();
                for (SuppressedTable club : clubs) {
                    members.add(at(club, r, c));
                }
                forced[r][c] = SmallCountSuppression.lineLeaks(at(plain, r, c).value(), members);
            }
        }
        return SmallCountSuppression.apply(sum, forced);
    }

    private static Cell at(SuppressedTable table, int row, int column) {
        if (row == table.rows() && column == table.columns()) {
            return table.grandTotal();
        }
        if (row == table.rows()) {
            return table.columnTotals()[column];
        }
        if (column == table.columns()) {
            return table.rowTotals()[row];
        }
        return table.cell(row, column);
    }

    private static List<String> values(
            String id, String name, String place, Period period, Sums sums, SuppressedTable table) {
        List<String> values = new ArrayList<>(List.of(
                defused(id),
                defused(name),
                defused(place),
                period.from().toString(),
                period.to().toString(),
                Long.toString(sums.sessions()),
                String.format(Locale.ROOT, "%.1f", sums.sessionMinutes() / 60.0),
                Long.toString(sums.guestSessions()),
                Long.toString(sums.memberSessions()),
                Long.toString(sums.memberDays()),
                Long.toString(sums.devicesActive())));
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < table.columns(); c++) {
                values.add(table.cell(r, c).text());
            }
            values.add(table.rowTotals()[r].text());
        }
        for (int c = 0; c < table.columns(); c++) {
            values.add(table.columnTotals()[c].text());
        }
        values.add(table.grandTotal().text());
        return values;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A text a person typed (a club's name or place) with a leading = + - @ defused, so that a
     * spreadsheet does not run it as a formula; the quoting is Commons CSV's (RFC 4180).
     */
    public static String defused(String value) {
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            return "'" + value;
        }
        return value;
    }
}
