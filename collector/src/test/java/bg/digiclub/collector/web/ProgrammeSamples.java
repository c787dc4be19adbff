package bg.digiclub.collector.web;

import static bg.digiclub.collector.report.Cell.Visibility.COMPLEMENTARY;
import static bg.digiclub.collector.report.Cell.Visibility.EXACT;
import static bg.digiclub.collector.report.Cell.Visibility.SMALL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReport.AgeSexTable;
import bg.digiclub.collector.report.programme.ProgrammeReport.ClubOperation;
import bg.digiclub.collector.report.programme.ProgrammeReport.MonthVisits;
import bg.digiclub.collector.report.programme.ProgrammeReport.PcAvailability;
import bg.digiclub.collector.report.programme.ProgrammeReport.TileUse;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * Programme reports written by hand, as the report service publishes them, for the page's tests and
 * screenshots: the municipality's third quarter of 2026 with four clubs (one with no opening hours
 * set, one enrolled but not yet used) and hidden cells of both kinds; the same as a custom range
 * of months, for which member breakdowns are not published.
 */
final class ProgrammeSamples {
    static final String RODINA = "sz-rodina-1860";
    static final String ZAGORE = "zagore-probuda-1928";
    static final String ZHELEZNIK = "sz-zheleznik-1988";
    static final String KIRILOVO = "kirilovo-izgrev-1921";
    static final Instant GENERATED = Instant.parse("2026-11-25T09:30:00Z");
    static final List<String> ROWS = List.of("0-17", "18-29", "30-54", "55+", "not-declared");

    /** Hidden: visits 0-17 male (x, 81) and not declared (<5, 3); 55+ male (<5, 4) and not declared (x, 14). */
    static final long[][] VISITS = {{96, 81, 3}, {142, 118, 9}, {301, 247, 11}, {318, 4, 14}, {0, 0, 242}};

    static final Cell.Visibility[][] VISITS_SHOWN = {
        {EXACT, COMPLEMENTARY, SMALL},
        {EXACT, EXACT, EXACT},
        {EXACT, EXACT, EXACT},
        {EXACT, SMALL, COMPLEMENTARY},
        {EXACT, EXACT, EXACT}
    };

    /** Hidden: members 18-29 male (x, 6) and not declared (<5, 1); 55+ male (x, 19) and not declared (<5, 2). */
    static final long[][] MEMBERS = {{12, 9, 0}, {8, 6, 1}, {22, 17, 0}, {41, 19, 2}, {0, 0, 6}};

    static final Cell.Visibility[][] MEMBERS_SHOWN = {
        {EXACT, EXACT, EXACT},
        {EXACT, COMPLEMENTARY, SMALL},
        {EXACT, EXACT, EXACT},
        {EXACT, COMPLEMENTARY, SMALL},
        {EXACT, EXACT, EXACT}
    };

    private ProgrammeSamples() {}

    /** The municipality in 2026-Q3: 1 586 visits, 143 members. */
    static ProgrammeReport municipalityQuarter() {
        return municipality(ReportPeriod.quarter(2026, 3), true);
    }

    /** The same months as a custom range: member breakdowns not published. */
    static ProgrammeReport municipalityCustom() {
        return municipality(ReportPeriod.custom(YearMonth.of(2026, 7), YearMonth.of(2026, 9)), false);
    }

    /** One club's report of the quarter (its own figures are not the point here: the page's access is). */
    static ProgrammeReport club(String clubId, String name, ReportPeriod period) {
        ProgrammeReport all = municipality(period, period.isCalendarPeriod());
        return new ProgrammeReport(
                ReportScope.club(clubId),
                name,
                period,
                GENERATED,
                all.clubs().stream().filter(c -> c.clubId().equals(clubId)).toList(),
                all.visitsByMonth(),
                all.visits(),
                all.visitsByAgeAndSex(),
                all.youthVisits(),
                all.members(),
                all.membersByAgeAndSex(),
                all.youthMembers(),
                all.tileSessions(),
                all.availability().stream()
                        .filter(pc -> pc.clubId().equals(clubId))
                        .toList());
    }

    private static ProgrammeReport municipality(ReportPeriod period, boolean members) {
        List<YearMonth> months = period.months();
        long[] perMonth = {512, 437, 637};
        List<MonthVisits> byMonth = new ArrayList<>();
        long visits = 0;
        for (int i = 0; i < months.size(); i++) {
            long v = i < perMonth.length ? perMonth[i] : 0;
            byMonth.add(new MonthVisits(months.get(i), v));
            visits += v;
        }
        List<ClubOperation> clubs = List.of(
                new ClubOperation(
                        RODINA,
                        "НЧ „Родина – 1860“",
                        "Стара Загора",
                        6,
                        6,
                        LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 3),
                        visits - 402),
                new ClubOperation(
                        ZHELEZNIK,
                        "НЧ „Железник – 1988 г.“",
                        "Стара Загора",
                        5,
                        4,
                        LocalDate.of(2026, 5, 11),
                        LocalDate.of(2026, 5, 12),
                        0),
                new ClubOperation(
                        ZAGORE,
                        "НЧ „Пробуда – 1928“",
                        "с. Загоре",
                        3,
                        3,
                        LocalDate.of(2026, 4, 14),
                        LocalDate.of(2026, 4, 15),
                        402),
                new ClubOperation(
                        KIRILOVO, "НЧ „Изгрев – 1921“", "с. Кирилово", 2, 0, LocalDate.of(2026, 9, 28), null, 0));
        List<TileUse> tiles = new ArrayList<>();
        long[] tileSessions = {412, 57, 38, 3, 265, 6, 480};
        Cell.Visibility[] tileShown = {EXACT, EXACT, EXACT, SMALL, EXACT, COMPLEMENTARY, EXACT};
        for (TileCategory category : TileCategory.values()) {
            tiles.add(new TileUse(category, new Cell(tileSessions[category.ordinal()], tileShown[category.ordinal()])));
        }
        List<PcAvailability> availability = new ArrayList<>();
        for (int pc = 1; pc <= 6; pc++) {
            availability.add(new PcAvailability(RODINA, pc, 35_640, 35_640 - 400L * pc));
        }
        for (int pc = 1; pc <= 5; pc++) {
            availability.add(new PcAvailability(ZHELEZNIK, pc, 30_960, pc == 5 ? 0 : 29_100));
        }
        for (int pc = 1; pc <= 3; pc++) {
            availability.add(new PcAvailability(ZAGORE, pc, 0, 0));
        }
        for (int pc = 1; pc <= 2; pc++) {
            availability.add(new PcAvailability(KIRILOVO, pc, 12_480, 0));
        }
        return new ProgrammeReport(
                ReportScope.municipality(),
                "Община Стара Загора",
                period,
                GENERATED,
                clubs,
                byMonth,
                visits,
                table(VISITS, VISITS_SHOWN),
                new Cell(297, EXACT),
                143,
                members ? table(MEMBERS, MEMBERS_SHOWN) : null,
                members ? new Cell(17, COMPLEMENTARY) : null,
                tiles,
                availability);
    }

    /** A table with exact margins (every row and column has two hidden cells or none). */
    static AgeSexTable table(long[][] values, Cell.Visibility[][] shown) {
        int rows = values.length;
        int columns = values[0].length;
        Cell[][] cells = new Cell[rows][columns];
        Cell[] rowTotals = new Cell[rows];
        Cell[] columnTotals = new Cell[columns];
        long[] columnSums = new long[columns];
        long total = 0;
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int c = 0; c < columns; c++) {
                cells[r][c] = new Cell(values[r][c], shown[r][c]);
                sum += values[r][c];
                columnSums[c] += values[r][c];
            }
            rowTotals[r] = new Cell(sum, EXACT);
            total += sum;
        }
        for (int c = 0; c < columns; c++) {
            columnTotals[c] = new Cell(columnSums[c], EXACT);
        }
        return new AgeSexTable(
                ROWS,
                List.of(Sex.values()),
                new SuppressedTable(cells, rowTotals, columnTotals, new Cell(total, EXACT)));
    }
}
