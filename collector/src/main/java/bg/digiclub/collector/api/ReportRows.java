package bg.digiclub.collector.api;

import java.util.ArrayList;
import java.util.List;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.report.programme.ProgrammeReport;

/**
 * The programme report in long form, one object per published figure with the same keys every time
 * (schema {@code FigureRow}): what Power Query's "To Table" and Grafana's table panel take without
 * any reshaping. Suppressed figures carry {@code suppressed} and a null {@code value}, never the
 * hidden number.
 */
final class ReportRows {
    /** The label of a table's margin: a row total has sex {@value}, a column total age band {@value}. */
    static final String TOTAL = "total";

    private ReportRows() {}

    /**
     * One figure.
     *
     * @param figure     which figure ({@code visits}, {@code visitsByAgeAndSex}, ...: docs/collector.md)
     * @param value      the number, null when suppressed
     * @param suppressed {@code <5} or {@code x} when the number is not published, else null
     */
    record FigureRow(
            String scope,
            String period,
            String figure,
            String clubId,
            Integer pc,
            String month,
            String ageBand,
            String sex,
            String category,
            Long value,
            String suppressed) {}

    static List<FigureRow> of(ProgrammeReport r) {
        Rows rows = new Rows(r.scope().name(), r.period().name());
        rows.exact("visits", null, null, r.visits());
        r.visitsByMonth()
                .forEach(m -> rows.exact("visitsByMonth", null, m.month().toString(), m.visits()));
        for (ProgrammeReport.ClubOperation club : r.clubs()) {
            rows.exact("clubVisits", club.clubId(), null, club.visits());
            rows.exact("clubEnrolledPcs", club.clubId(), null, club.enrolledPcs());
            rows.exact("clubActivePcs", club.clubId(), null, club.activePcs());
        }
        rows.table("visitsByAgeAndSex", r.visitsByAgeAndSex());
        rows.cell("youthVisits", null, null, null, r.youthVisits());
        rows.exact("members", null, null, r.members());
        if (r.membersByAgeAndSex() != null) {
            rows.table("membersByAgeAndSex", r.membersByAgeAndSex());
        }
        if (r.youthMembers() != null) {
            rows.cell("youthMembers", null, null, null, r.youthMembers());
        }
        r.tileSessions()
                .forEach(t -> rows.cell("tileSessions", null, null, t.category().key(), t.sessions()));
        for (ProgrammeReport.PcAvailability pc : r.availability()) {
            rows.pc("pcOpenMinutes", pc, pc.openMinutes());
            rows.pc("pcAvailableMinutes", pc, pc.availableMinutes());
        }
        return rows.list;
    }

    private static final class Rows {
        final String scope;
        final String period;
        final List<FigureRow> list = new ArrayList<>();

        Rows(String scope, String period) {
            this.scope = scope;
            this.period = period;
        }

        void exact(String figure, String clubId, String month, long value) {
            list.add(new FigureRow(scope, period, figure, clubId, null, month, null, null, null, value, null));
        }

        void pc(String figure, ProgrammeReport.PcAvailability pc, long value) {
            list.add(new FigureRow(
                    scope, period, figure, pc.clubId(), pc.pcNumber(), null, null, null, null, value, null));
        }

        void cell(String figure, String ageBand, String sex, String category, Cell cell) {
            ReportJson.CellJson published = ReportJson.CellJson.of(cell);
            list.add(new FigureRow(
                    scope,
                    period,
                    figure,
                    null,
                    null,
                    null,
                    ageBand,
                    sex,
                    category,
                    published.value(),
                    published.suppressed()));
        }

        void table(String figure, ProgrammeReport.AgeSexTable t) {
            SuppressedTable table = t.table();
            for (int row = 0; row < table.rows(); row++) {
                for (int column = 0; column < table.columns(); column++) {
                    cell(figure, t.rows().get(row), t.columns().get(column).name(), null, table.cell(row, column));
                }
                cell(figure, t.rows().get(row), TOTAL, null, table.rowTotals()[row]);
            }
            for (int column = 0; column < table.columns(); column++) {
                cell(figure, TOTAL, t.columns().get(column).name(), null, table.columnTotals()[column]);
            }
            cell(figure, TOTAL, TOTAL, null, table.grandTotal());
        }
    }
}
