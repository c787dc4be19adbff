package bg.digiclub.collector.report.programme;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.CsvExport;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.Sex;

/**
 * The programme report as CSV, in long form: one line per figure, {@code scope, period, section,
 * row, column, value}. A long table is what spreadsheets' pivot tables and Power Query take in
 * best, and reports of several scopes or periods can be appended into one sheet. Values are what
 * the page shows: numbers, "<5" or "x" for suppressed cells (docs/collector.md, "Programme
 * report"), days as {@code YYYY-MM-DD}, percentages with one decimal and a point.
 *
 * <p>Sections, in order: {@code report} (scope name, first and last month, when generated, the age
 * bands and the youth band), {@code club} (per club: name, place, enrolled and active PCs, enrolled on,
 * first session, visits), {@code visits_by_month}, {@code visits}, {@code visits_by_age_sex}
 * (rows: the configured bands and {@code not-declared} then {@code total}; columns: {@code female},
 * {@code male}, {@code not-declared}, {@code total}), {@code youth_visits}, {@code members},
 * {@code members_by_age_sex} and {@code youth_members} (when published), {@code tile_sessions} (per
 * category key), {@code availability} (per PC: {@code <club>/<number>}).
 */
public final class ProgrammeCsv {
    /** RFC 4180: commas, quotes and line breaks quoted, lines ended with CR LF. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    public static final List<String> HEADER = List.of("scope", "period", "section", "row", "column", "value");

    static final String TOTAL = "total";

    private ProgrammeCsv() {}

    /**
     * Writes the header and every figure of the report (no byte order mark: the download adds it).
     *
     * @param bands the bands the report was made with: its youth rows are named for the youth band
     */
    public static void write(Writer out, ProgrammeReport report, ReportBands bands) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(bands, "bands");
        String youth = bands.youth().label();
        Lines lines = new Lines(new CSVPrinter(out, FORMAT), report);
        lines.printer.printRecord(HEADER);
        lines.add("report", "scope_name", "", CsvExport.defused(report.scopeName()));
        lines.add("report", "from", "", report.period().from().toString());
        lines.add("report", "to", "", report.period().to().toString());
        lines.add("report", "generated_at", "", report.generatedAt().toString());
        lines.add("report", "age_bands", "", String.join(",", bands.labels()));
        lines.add("report", "youth_band", "", youth);
        for (ProgrammeReport.ClubOperation club : report.clubs()) {
            String row = CsvExport.defused(club.clubId());
            lines.add("club", row, "name", CsvExport.defused(club.name()));
            lines.add("club", row, "place", CsvExport.defused(club.place()));
            lines.add("club", row, "enrolled_pcs", Integer.toString(club.enrolledPcs()));
            lines.add("club", row, "active_pcs", Integer.toString(club.activePcs()));
            lines.add(
                    "club",
                    row,
                    "enrolled_on",
                    club.enrolledOn() == null ? "" : club.enrolledOn().toString());
            lines.add(
                    "club",
                    row,
                    "first_session",
                    club.firstSession() == null ? "" : club.firstSession().toString());
            lines.add("club", row, "visits", Long.toString(club.visits()));
        }
        for (ProgrammeReport.MonthVisits month : report.visitsByMonth()) {
            lines.add("visits_by_month", month.month().toString(), "visits", Long.toString(month.visits()));
        }
        lines.add("visits", TOTAL, "visits", Long.toString(report.visits()));
        lines.table("visits_by_age_sex", report.visitsByAgeAndSex());
        lines.add("youth_visits", youth, "visits", report.youthVisits().text());
        lines.add("members", TOTAL, "members", Long.toString(report.members()));
        if (report.membersByAgeAndSex() != null) {
            lines.table("members_by_age_sex", report.membersByAgeAndSex());
        }
        if (report.youthMembers() != null) {
            lines.add("youth_members", youth, "members", report.youthMembers().text());
        }
        for (ProgrammeReport.TileUse tile : report.tileSessions()) {
            lines.add(
                    "tile_sessions",
                    tile.category().key(),
                    "sessions",
                    tile.sessions().text());
        }
        for (ProgrammeReport.PcAvailability pc : report.availability()) {
            String row = CsvExport.defused(pc.clubId()) + "/" + pc.pcNumber();
            lines.add("availability", row, "open_minutes", Long.toString(pc.openMinutes()));
            lines.add("availability", row, "available_minutes", Long.toString(pc.availableMinutes()));
            double percent = pc.percent();
            lines.add(
                    "availability",
                    row,
                    "percent",
                    Double.isNaN(percent) ? "" : String.format(Locale.ROOT, "%.1f", percent));
        }
        lines.printer.flush();
    }

    /** The column name of a sex: lower case, words joined by '-' ({@code not-declared}). */
    public static String column(Sex sex) {
        return sex.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The lines of one report: each starts with its scope and period. */
    private static final class Lines {
        final CSVPrinter printer;
        final String scope;
        final String period;

        Lines(CSVPrinter printer, ProgrammeReport report) {
            this.printer = printer;
            this.scope = CsvExport.defused(report.scope().name());
            this.period = report.period().name();
        }

        void add(String section, String row, String column, String value) throws IOException {
            printer.printRecord(scope, period, section, row, column, value);
        }

        void table(String section, ProgrammeReport.AgeSexTable table) throws IOException {
            SuppressedTable cells = table.table();
            for (int r = 0; r < table.rows().size(); r++) {
                String row = table.rows().get(r);
                for (int c = 0; c < table.columns().size(); c++) {
                    add(
                            section,
                            row,
                            column(table.columns().get(c)),
                            cells.cell(r, c).text());
                }
                add(section, row, TOTAL, cells.rowTotals()[r].text());
            }
            for (int c = 0; c < table.columns().size(); c++) {
                add(section, TOTAL, column(table.columns().get(c)), cells.columnTotals()[c].text());
            }
            Cell grand = cells.grandTotal();
            add(section, TOTAL, TOTAL, grand.text());
        }
    }
}
