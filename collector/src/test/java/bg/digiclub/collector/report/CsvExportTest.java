package bg.digiclub.collector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import bg.digiclub.collector.store.Club;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export's total row cannot reveal a club's hidden cell by subtraction. */
class CsvExportTest {
    private static ClubSummary summary(String id, long sessions) {
        return new ClubSummary(new Club(id, "Клуб " + id, "с. Загоре", ZoneId.of("Europe/Sofia")), sessions, 60, sessions,
                0, 0, 1, 1, null, HealthLight.NONE);
    }

    @Test
    void totalCellIsHiddenWhenOnlyOneClubHidesItsCell() throws Exception {
        long[][] a = new long[8][3];
        long[][] b = new long[8][3];
        a[3][0] = 2;   // club a: 2 women aged 30-54 -> "<5"
        a[3][1] = 20;
        a[4][0] = 30;
        b[3][0] = 9;   // club b: 9 -> shown
        b[3][1] = 12;
        b[4][0] = 40;
        List<CsvExport.Row> rows = List.of(new CsvExport.Row(summary("a", 52), a), new CsvExport.Row(summary("b", 61), b));
        SuppressedTable total = CsvExport.totalTable(rows, new long[][] {
                {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {11, 32, 0}, {70, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}});
        // 11 - 9 = 2 would give club a's hidden cell away
        assertNotEquals(Cell.Visibility.EXACT, total.cell(3, 0).shown());
        StringWriter out = new StringWriter();
        CsvExport.write(out, new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")), rows);
        String[] lines = out.toString().split("\r\n");
        assertEquals(4, lines.length);
        assertEquals(CsvExport.header().size(), lines[3].split(",", -1).length);
    }

    @Test
    void formulaLikeTextIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.quote("=HYPERLINK(\"x\")"));
        assertEquals("-12", CsvExport.quote("-12"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
    }
}
