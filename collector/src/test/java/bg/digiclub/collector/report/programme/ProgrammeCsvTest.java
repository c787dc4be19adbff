package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.testing.CsvTable;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/** The report's CSV: long form, one figure a line, suppressed cells as the page shows them. */
class ProgrammeCsvTest {
    private static final ReportBands BANDS = ReportBands.of(List.of("0-17", "18-29", "30-54", "55+"), "18-29");

    /**
     * A club's report of 2026-Q1 whose table has a 3 (shown "<5") and the cells the cycle rule hides to
     * protect it (the 20 beside it, and 12 and 9 of 55+: a rectangle).
     */
    static ProgrammeReport report(Cell youthMembers) {
        long[][] counts = {{0, 0, 0}, {3, 20, 0}, {30, 25, 0}, {12, 9, 0}, {0, 0, 11}};
        SuppressedTable table =
                AtomTableSuppression.protect(counts, BANDS.scheme(), List.of()).table();
        ProgrammeReport.AgeSexTable visits =
                new ProgrammeReport.AgeSexTable(BANDS.rowLabels(), List.of(Sex.values()), table);
        return new ProgrammeReport(
                ReportScope.club("=sz-rodina"),
                "НЧ „Родина“, Стара Загора",
                ReportPeriod.quarter(2026, 1),
                Instant.parse("2026-04-02T08:00:00Z"),
                List.of(new ProgrammeReport.ClubOperation(
                        "=sz-rodina",
                        "НЧ „Родина“, Стара Загора",
                        "=1+1",
                        3,
                        2,
                        LocalDate.parse("2025-12-15"),
                        null,
                        110)),
                List.of(
                        new ProgrammeReport.MonthVisits(YearMonth.of(2026, 1), 40),
                        new ProgrammeReport.MonthVisits(YearMonth.of(2026, 2), 35),
                        new ProgrammeReport.MonthVisits(YearMonth.of(2026, 3), 35)),
                110,
                visits,
                SmallCountSuppression.alone(23),
                17,
                null,
                youthMembers,
                List.of(
                        new ProgrammeReport.TileUse(TileCategory.E_GOVERNMENT, SmallCountSuppression.alone(2)),
                        new ProgrammeReport.TileUse(TileCategory.LEARNING, new Cell(9, Cell.Visibility.COMPLEMENTARY))),
                List.of(
                        new ProgrammeReport.PcAvailability("=sz-rodina", 1, 6000, 5421),
                        new ProgrammeReport.PcAvailability("=sz-rodina", 2, 0, 0)));
    }

    private static String csv(ProgrammeReport report) throws Exception {
        StringWriter out = new StringWriter();
        ProgrammeCsv.write(out, report, BANDS);
        return out.toString();
    }

    private static Map<String, String> values(CsvTable table) {
        return table.rows().stream()
                .collect(Collectors.toMap(
                        r -> r.get("section") + "|" + r.get("row") + "|" + r.get("column"), r -> r.get("value")));
    }

    @Test
    void everyLineIsOneFigureWithItsScopeAndPeriod() throws Exception {
        String text = csv(report(null));
        assertTrue(text.startsWith(String.join(",", ProgrammeCsv.HEADER) + "\r\n"), "header, CR LF");
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends with CR LF");
        CsvTable table = CsvTable.parse(text);
        assertEquals(ProgrammeCsv.HEADER, table.header());
        for (Map<String, String> row : table.rows()) {
            assertEquals("'=sz-rodina", row.get("scope"), "a leading = is defused: " + row);
            assertEquals("2026-Q1", row.get("period"));
        }
        Map<String, String> v = values(table);
        assertEquals("2026-01", v.get("report|from|"));
        assertEquals("2026-03", v.get("report|to|"));
        assertEquals("0-17,18-29,30-54,55+", v.get("report|age_bands|"));
        assertEquals("18-29", v.get("report|youth_band|"));
        assertEquals("НЧ „Родина“, Стара Загора", v.get("report|scope_name|"), "the comma is quoted, not a column");
        assertEquals("'=1+1", v.get("club|'=sz-rodina|place"));
        assertEquals("3", v.get("club|'=sz-rodina|enrolled_pcs"));
        assertEquals("2025-12-15", v.get("club|'=sz-rodina|enrolled_on"));
        assertEquals("", v.get("club|'=sz-rodina|first_session"));
        assertEquals("40", v.get("visits_by_month|2026-01|visits"));
        assertEquals("110", v.get("visits|total|visits"));
        assertEquals("23", v.get("youth_visits|18-29|visits"));
        assertEquals("17", v.get("members|total|members"));
        assertEquals("<5", v.get("tile_sessions|e-government|sessions"));
        assertEquals("x", v.get("tile_sessions|learning|sessions"));
        assertEquals("90.4", v.get("availability|'=sz-rodina/1|percent"));
        assertEquals("", v.get("availability|'=sz-rodina/2|percent"), "no opening hours: no percentage");
    }

    @Test
    void theAgeTableHasEveryCellAndMarginWithSuppressedOnesHidden() throws Exception {
        ProgrammeReport report = report(null);
        Map<String, String> v = values(CsvTable.parse(csv(report)));
        SuppressedTable table = report.visitsByAgeAndSex().table();
        for (int r = 0; r < table.rows(); r++) {
            for (Sex sex : Sex.values()) {
                String key = "visits_by_age_sex|" + BANDS.rowLabels().get(r) + "|" + ProgrammeCsv.column(sex);
                assertEquals(table.cell(r, sex.ordinal()).text(), v.get(key), key);
            }
        }
        // rows 0-17, 18-29, 30-54, 55+, not-declared, total x columns female, male, not-declared, total
        assertEquals(
                24,
                v.keySet().stream()
                        .filter(k -> k.startsWith("visits_by_age_sex|"))
                        .count());
        assertEquals("<5", v.get("visits_by_age_sex|18-29|female"));
        assertEquals("x", v.get("visits_by_age_sex|18-29|male"), "the 20 beside the row total would reveal the 3");
        assertEquals("x", v.get("visits_by_age_sex|55+|female"), "the 12 closes the cycle through another row");
        assertEquals("23", v.get("visits_by_age_sex|18-29|total"));
        assertEquals("30", v.get("visits_by_age_sex|30-54|female"));
        assertEquals("110", v.get("visits_by_age_sex|total|total"));
        assertFalse(
                v.entrySet().stream()
                        .anyMatch(e -> e.getKey().startsWith("visits_by_age_sex|")
                                && e.getValue().equals("3")),
                "no hidden 3");
    }

    @Test
    void memberBreakdownsAppearOnlyWhenPublished() throws Exception {
        Map<String, String> custom = values(CsvTable.parse(csv(report(null))));
        assertFalse(custom.keySet().stream().anyMatch(k -> k.startsWith("members_by_age_sex|")));
        assertFalse(custom.keySet().stream().anyMatch(k -> k.startsWith("youth_members|")));
        Map<String, String> calendar = values(CsvTable.parse(csv(report(SmallCountSuppression.alone(4)))));
        assertEquals("<5", calendar.get("youth_members|18-29|members"));
    }
}
