package bg.digiclub.collector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.report.programme.ClubVisits;
import bg.digiclub.collector.report.programme.MonthCounts;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.PublishedVisits;
import bg.digiclub.collector.report.programme.VisitPublication;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.testing.CsvTable;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.TileCategory;

/** The export's total row cannot reveal a club's hidden cell by subtraction; a period of days has no breakdowns. */
class CsvExportTest {
    private static ClubSummary summary(String id, long sessions) {
        return new ClubSummary(
                new Club(id, "Клуб " + id, "с. Загоре", ZoneId.of("Europe/Sofia")),
                sessions,
                60,
                sessions,
                0,
                0,
                1,
                1,
                null,
                HealthLight.NONE);
    }

    private static final Period NOVEMBER = new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));

    /** One month of two clubs, published by the month rule the export uses. */
    private static PublishedVisits november(long[][] a, long[] aTiles, long[][] b, long[] bTiles) {
        Map<String, long[][]> visits = new LinkedHashMap<>();
        visits.put("a", a);
        visits.put("b", b);
        Map<String, long[]> tiles = new LinkedHashMap<>();
        tiles.put("a", aTiles);
        tiles.put("b", bTiles);
        return VisitPublication.publishByAgeBand(List.of(new MonthCounts(YearMonth.of(2026, 11), visits, tiles)));
    }

    private static Breakdown breakdown(ClubVisits visits) {
        return new Breakdown(
                visits.byAgeAndSex().table(),
                visits.tiles().stream().map(ProgrammeReport.TileUse::sessions).toList());
    }

    private static String export(PublishedVisits published) throws Exception {
        List<CsvExport.Row> rows = List.of(
                new CsvExport.Row(summary("a", 52), breakdown(published.byClub().get("a"))),
                new CsvExport.Row(summary("b", 61), breakdown(published.byClub().get("b"))));
        StringWriter out = new StringWriter();
        CsvExport.write(out, NOVEMBER, rows, breakdown(published.all()), "");
        return out.toString();
    }

    @Test
    void totalCellIsHiddenWhenOnlyOneClubHidesItsCell() throws Exception {
        int bands = AgeBand.values().length;
        int middle = AgeBand.AGE_30_54.ordinal();
        int older = AgeBand.AGE_55_64.ordinal();
        long[][] a = new long[bands][3];
        long[][] b = new long[bands][3];
        a[middle][0] = 2; // club a: 2 women aged 30-54 -> "<5"
        a[middle][1] = 20;
        a[older][0] = 30;
        b[middle][0] = 9; // club b: 9 -> shown
        b[middle][1] = 12;
        b[older][0] = 40;
        long[] noTiles = new long[TileCategory.values().length];
        PublishedVisits published = november(a, noTiles, b, noTiles);
        // 11 - 9 = 2 would give club a's hidden cell away
        assertNotEquals(
                Cell.Visibility.EXACT,
                published.all().byAgeAndSex().table().cell(middle, 0).shown());
        String text = export(published);
        assertTrue(text.endsWith("\r\n"), "RFC 4180 lines");
        CsvTable csv = CsvTable.parse(text);
        assertEquals(CsvExport.header(), csv.header());
        assertEquals(3, csv.rows().size(), "two clubs and the total");
        assertEquals("all", csv.rows().get(2).get("club_id"));
        assertEquals("<5", csv.club("a").orElseThrow().get("sessions_age_30_54_female"));
        assertEquals("9", csv.club("b").orElseThrow().get("sessions_age_30_54_female"));
        assertNotEquals("11", csv.club("all").orElseThrow().get("sessions_age_30_54_female"));
        assertEquals("", csv.club("a").orElseThrow().get("breakdowns_note"), "nothing withheld, no note");
    }

    @Test
    void theAllClubsTileCountIsHiddenWhenItWouldRevealAClubsSmallOne() throws Exception {
        int bands = AgeBand.values().length;
        long[] a = new long[TileCategory.values().length];
        long[] b = new long[TileCategory.values().length];
        a[TileCategory.LEARNING.ordinal()] = 2; // club a: 2 learning sessions -> "<5"
        b[TileCategory.LEARNING.ordinal()] = 9; // club b: 9 -> shown; 11 in all would give a's 2 away
        a[TileCategory.E_GOVERNMENT.ordinal()] = 6;
        b[TileCategory.E_GOVERNMENT.ordinal()] = 8;
        CsvTable csv = CsvTable.parse(export(november(new long[bands][3], a, new long[bands][3], b)));
        Map<String, String> clubA = csv.club("a").orElseThrow();
        Map<String, String> all = csv.club("all").orElseThrow();
        assertEquals("<5", clubA.get("tile_sessions_learning"));
        assertEquals("x", all.get("tile_sessions_learning"));
        assertEquals("14", all.get("tile_sessions_e_government"), "nothing hidden to give away");
    }

    @Test
    void aPeriodOfDaysHasTotalsButNoBreakdownsAndSaysWhy() throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.write(
                out,
                new Period(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-24")),
                List.of(new CsvExport.Row(summary("a", 52), null), new CsvExport.Row(summary("b", 61), null)),
                null,
                "whole months only, \"because\", a note");
        CsvTable csv = CsvTable.parse(out.toString());
        assertEquals(CsvExport.header(), csv.header());
        Map<String, String> a = csv.club("a").orElseThrow();
        assertEquals("52", a.get("sessions"));
        assertEquals("113", csv.club("all").orElseThrow().get("sessions"));
        for (String column : csv.header()) {
            if (column.startsWith("sessions_") || column.startsWith("tile_sessions_")) {
                assertEquals("", a.get(column), column);
                assertEquals("", csv.club("all").orElseThrow().get(column), column);
            }
        }
        assertEquals("breakdowns_note", csv.header().get(csv.header().size() - 1), "the note is the last column");
        assertEquals("whole months only, \"because\", a note", a.get("breakdowns_note"));
        assertEquals(
                "whole months only, \"because\", a note",
                csv.club("all").orElseThrow().get("breakdowns_note"));
    }

    @Test
    void countsOfTheWrongShapeAreRefused() {
        int bands = AgeBand.values().length;
        long[] tiles = new long[TileCategory.values().length];
        assertThrows(IllegalArgumentException.class, () -> new ClubCounts(new long[bands - 1][3], tiles));
        assertThrows(IllegalArgumentException.class, () -> new ClubCounts(new long[bands][2], tiles));
        assertThrows(IllegalArgumentException.class, () -> new ClubCounts(new long[bands][3], new long[2]));
    }

    @Test
    void formulaLikeTextIsDefusedAndNumbersAreNot() {
        assertEquals("'=HYPERLINK(\"x\")", CsvExport.defused("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", CsvExport.defused("@SUM(A1)"));
        assertEquals("-12", CsvExport.defused("-12"));
        assertEquals("a,b", CsvExport.defused("a,b"));
    }

    @Test
    void aClubNamedWithACommaAndQuotesKeepsItsNameAndItsColumns() throws Exception {
        String name = "Читалище \"Родина\", Бургас";
        ClubSummary club = new ClubSummary(
                new Club("bs-rodina", name, "Бургас, ж.к. \"Изгрев\"", ZoneId.of("Europe/Sofia")),
                23,
                160,
                18,
                5,
                5,
                1,
                1,
                null,
                HealthLight.NONE);
        StringWriter out = new StringWriter();
        CsvExport.write(
                out,
                new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")),
                List.of(new CsvExport.Row(club, null)),
                null,
                "");
        assertTrue(out.toString().contains("\"Читалище \"\"Родина\"\", Бургас\""), "quoted as RFC 4180 says: " + out);
        CsvTable csv = CsvTable.parse(out.toString());
        Map<String, String> row = csv.club("bs-rodina").orElseThrow();
        assertEquals(name, row.get("club_name"));
        assertEquals("Бургас, ж.к. \"Изгрев\"", row.get("place"));
        assertEquals("23", row.get("sessions"), "the comma moved no column");
        assertEquals("2.7", row.get("session_hours"));
    }
}
