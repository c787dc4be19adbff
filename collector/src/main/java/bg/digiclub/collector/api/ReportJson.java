package bg.digiclub.collector.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.common.link.Sex;

/**
 * The programme report as the read API writes it (schema {@code ProgrammeReport} of
 * {@code openapi/digiclub-collector.json}). Every cell is either {@code {"value": n}} or
 * {@code {"suppressed": "<5" | "x"}}: a hidden cell's value is never copied into these records, so
 * no serialiser setting can leak it.
 */
final class ReportJson {
    private ReportJson() {}

    /** A published number: exactly one of the two is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CellJson(Long value, String suppressed) {
        static CellJson of(Cell cell) {
            return switch (cell.shown()) {
                case EXACT -> new CellJson(cell.value(), null);
                case SMALL, COMPLEMENTARY -> new CellJson(null, cell.text());
            };
        }

        /** Null for a cell not published at all. */
        static CellJson ofNullable(Cell cell) {
            return cell == null ? null : of(cell);
        }
    }

    record Scope(String id, boolean municipality, String clubId, String name) {}

    record Period(String name, String kind, YearMonth from, YearMonth to, LocalDate firstDay, LocalDate lastDay) {
        static Period of(ReportPeriod p) {
            return new Period(p.name(), p.kind().name(), p.from(), p.to(), p.firstDay(), p.lastDay());
        }
    }

    record Club(
            String clubId,
            String name,
            String place,
            int enrolledPcs,
            int activePcs,
            LocalDate enrolledOn,
            LocalDate firstSession,
            long visits) {}

    record Month(YearMonth month, long visits) {}

    record Table(
            List<String> rows,
            List<Sex> columns,
            List<List<CellJson>> cells,
            List<CellJson> rowTotals,
            List<CellJson> columnTotals,
            CellJson total) {
        static Table of(ProgrammeReport.AgeSexTable t) {
            if (t == null) {
                return null;
            }
            SuppressedTable table = t.table();
            List<List<CellJson>> cells = new ArrayList<>();
            for (Cell[] row : table.cells()) {
                cells.add(cells(row));
            }
            return new Table(
                    t.rows(),
                    t.columns(),
                    cells,
                    cells(table.rowTotals()),
                    cells(table.columnTotals()),
                    CellJson.of(table.grandTotal()));
        }

        private static List<CellJson> cells(Cell[] cells) {
            return Arrays.stream(cells).map(CellJson::of).toList();
        }
    }

    record Tile(String category, String key, CellJson sessions) {}

    record Availability(String clubId, int pc, long openMinutes, long availableMinutes, Double percent) {}

    /** The whole report. */
    record Report(
            Scope scope,
            Period period,
            Instant generatedAt,
            List<Club> clubs,
            List<Month> visitsByMonth,
            long visits,
            Table visitsByAgeAndSex,
            CellJson youthVisits,
            long members,
            // absent, not null, when not published for the period (custom periods)
            @JsonInclude(JsonInclude.Include.NON_NULL) Table membersByAgeAndSex,
            @JsonInclude(JsonInclude.Include.NON_NULL) CellJson youthMembers,
            List<Tile> tileSessions,
            List<Availability> availability) {}

    static Report of(ProgrammeReport r) {
        return new Report(
                new Scope(
                        r.scope().name(), r.scope().isMunicipality(), r.scope().clubId(), r.scopeName()),
                Period.of(r.period()),
                r.generatedAt(),
                r.clubs().stream()
                        .map(c -> new Club(
                                c.clubId(),
                                c.name(),
                                c.place(),
                                c.enrolledPcs(),
                                c.activePcs(),
                                c.enrolledOn(),
                                c.firstSession(),
                                c.visits()))
                        .toList(),
                r.visitsByMonth().stream()
                        .map(m -> new Month(m.month(), m.visits()))
                        .toList(),
                r.visits(),
                Table.of(r.visitsByAgeAndSex()),
                CellJson.of(r.youthVisits()),
                r.members(),
                Table.of(r.membersByAgeAndSex()),
                CellJson.ofNullable(r.youthMembers()),
                r.tileSessions().stream()
                        .map(t -> new Tile(t.category().name(), t.category().key(), CellJson.of(t.sessions())))
                        .toList(),
                r.availability().stream()
                        .map(a -> new Availability(
                                a.clubId(),
                                a.pcNumber(),
                                a.openMinutes(),
                                a.availableMinutes(),
                                Double.isNaN(a.percent()) ? null : a.percent()))
                        .toList());
    }
}
