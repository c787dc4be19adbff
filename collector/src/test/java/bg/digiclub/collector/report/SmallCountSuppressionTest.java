package bg.digiclub.collector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Small counts are hidden and cannot be worked back from the totals of the same table. */
class SmallCountSuppressionTest {
    @Test
    void cellsFromOneToFourAreShownAsLessThanFive() {
        SuppressedTable t = SmallCountSuppression.apply(new long[][] {{12, 3}, {7, 9}});
        assertEquals("<5", t.cell(0, 1).text());
        assertEquals(Cell.Visibility.SMALL, t.cell(0, 1).shown());
        assertEquals("31", t.grandTotal().text());
    }

    @Test
    void zeroAndFiveAndMoreAreShown() {
        SuppressedTable t = SmallCountSuppression.apply(new long[][] {{0, 5}, {6, 7}});
        assertEquals("0", t.cell(0, 0).text());
        assertEquals("5", t.cell(0, 1).text());
    }

    @Test
    void aLoneHiddenCellGetsACompanionInItsRowAndColumn() {
        SuppressedTable t = SmallCountSuppression.apply(new long[][] {{12, 3, 8}, {7, 9, 20}, {6, 10, 11}});
        // row 0 and column 1 each need a second hidden number
        assertTrue(hiddenIn(t.cells()[0], t.rowTotals()[0]) >= 2);
        assertTrue(hiddenIn(new Cell[] {t.cell(0, 1), t.cell(1, 1), t.cell(2, 1)}, t.columnTotals()[1]) >= 2);
    }

    @Test
    void twoOnesInALineWithAShownTotalAreNotLeftPinned() {
        // row 0: 1 + 1 + 10 = 12; hiding only the ones leaves 2 = a + b with a, b in 1..4, so both are 1
        SuppressedTable t = SmallCountSuppression.apply(new long[][] {{1, 1, 10}, {20, 30, 40}});
        assertTrue(
                t.cell(0, 2).shown() != Cell.Visibility.EXACT || t.rowTotals()[0].shown() != Cell.Visibility.EXACT,
                "the 10 or the row total is hidden too");
    }

    @Test
    void noRandomTableLeaksAHiddenCellThroughOneLine() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            long[][] counts = new long[8][3];
            for (long[] row : counts) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 5 : 30);
                }
            }
            SuppressedTable t = SmallCountSuppression.apply(counts);
            for (int r = 0; r < 8; r++) {
                assertLineSafe(t.cells()[r], t.rowTotals()[r], counts);
            }
            for (int c = 0; c < 3; c++) {
                Cell[] column = new Cell[8];
                for (int r = 0; r < 8; r++) {
                    column[r] = t.cell(r, c);
                }
                assertLineSafe(column, t.columnTotals()[c], counts);
            }
            assertLineSafe(t.rowTotals(), t.grandTotal(), counts);
            assertLineSafe(t.columnTotals(), t.grandTotal(), counts);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 3; c++) {
                    long v = counts[r][c];
                    if (v > 0 && v < 5) {
                        assertEquals("<5", t.cell(r, c).text());
                    }
                }
            }
        }
    }

    private static void assertLineSafe(Cell[] members, Cell total, long[][] counts) {
        if (total.shown() != Cell.Visibility.EXACT) {
            return;
        }
        assertTrue(
                !SmallCountSuppression.lineLeaks(total.value(), List.of(members)),
                "a line leaks: " + describe(members, total) + " in " + Arrays.deepToString(counts));
    }

    private static String describe(Cell[] members, Cell total) {
        List<String> parts = new ArrayList<>();
        for (Cell m : members) {
            parts.add(m.value() + "/" + m.text());
        }
        return parts + " = " + total.value();
    }

    private static int hiddenIn(Cell[] cells, Cell total) {
        int hidden = total.shown() == Cell.Visibility.EXACT ? 0 : 1;
        for (Cell c : cells) {
            hidden += c.shown() == Cell.Visibility.EXACT ? 0 : 1;
        }
        return hidden;
    }
}
