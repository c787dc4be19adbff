package bg.digiclub.collector.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * The dashboard's CSV: one row per club for one period (and a total row when several clubs are
 * exported). The demographic columns ({@code sessions_<band>_<sex>} with their totals) and the
 * {@code tile_sessions_<category>} columns (sessions that used a launcher tile of the category) are
 * filled only for a period of whole calendar months, with the programme report's month rule
 * ({@link Breakdown}): "<5" for 1-4, "x" for numbers hidden so that those cannot be worked out, from
 * this table or from another period's. For a period of days they are empty: a period of days is not
 * a sum of months, and two overlapping ones would give a hidden cell away by subtraction. For whole
 * months that have not yet settled (ended and 5 more days passed) they are empty too: the same month
 * read on two days would subtract to the visits in between. The last column, {@code breakdowns_note},
 * says in the reader's language why the columns are empty (and from which day they will be filled).
 *
 * <p>{@code member_days} is distinct members per PC and day, added up: per-day distinct counts
 * cannot be added into a distinct count for the period, so this is a count of member visits
 * (one per member, PC and day), not of people.
 */
public final class CsvExport {
    /**
     * One club's row.
     *
     * @param breakdown its published breakdowns; null when they are withheld
     */
    public record Row(ClubSummary summary, Breakdown breakdown) {
        public Row {
            Objects.requireNonNull(summary, "summary");
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
        header.add("breakdowns_note");
        return header;
    }

    /**
     * Writes the header, the rows and, for more than one club, a total row.
     *
     * @param all  the clubs' breakdowns together, for the total row; null when they are withheld
     * @param note why the breakdowns are withheld, on every row; empty when they are shown
     */
    public static void write(Writer out, Period period, List<Row> rows, Breakdown all, String note) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(note, "note");
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord(header());
        Sums totals = Sums.NONE;
        for (Row row : rows) {
            ClubSummary s = row.summary();
            Sums sums = Sums.of(s);
            csv.printRecord(
                    values(s.club().id(), s.club().name(), s.club().place(), period, sums, row.breakdown(), note));
            totals = totals.plus(sums);
        }
        if (rows.size() > 1) {
            csv.printRecord(values("all", "all clubs", "", period, totals, all, note));
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

    /** A row's values; the breakdown columns empty when there is no breakdown, then the note. */
    private static List<String> values(
            String id, String name, String place, Period period, Sums sums, Breakdown breakdown, String note) {
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
        if (breakdown == null) {
            int empty = (AgeBand.values().length + 1) * (Sex.values().length + 1) + TileCategory.values().length;
            values.addAll(Collections.nCopies(empty, ""));
        } else {
            breakdownValues(values, breakdown);
        }
        values.add(note);
        return values;
    }

    private static void breakdownValues(List<String> values, Breakdown breakdown) {
        SuppressedTable table = breakdown.byAgeAndSex();
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
        for (Cell tile : breakdown.tiles()) {
            values.add(tile.text());
        }
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
