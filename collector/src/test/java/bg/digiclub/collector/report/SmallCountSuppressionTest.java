package bg.digiclub.collector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Counts of 1-4 are hidden, and a total over hidden counts is not shown where it would pin one. */
class SmallCountSuppressionTest {
    private static final Cell SMALL_1 = new Cell(1, Cell.Visibility.SMALL);
    private static final Cell SMALL_3 = new Cell(3, Cell.Visibility.SMALL);
    private static final Cell SMALL_4 = new Cell(4, Cell.Visibility.SMALL);

    @Test
    void countsFromOneToFourAreShownAsLessThanFiveZeroAndFiveAndMoreAsThey() {
        assertEquals("0", SmallCountSuppression.alone(0).text());
        assertEquals("<5", SmallCountSuppression.alone(1).text());
        assertEquals(Cell.Visibility.SMALL, SmallCountSuppression.alone(4).shown());
        assertEquals("5", SmallCountSuppression.alone(5).text());
        assertThrows(IllegalArgumentException.class, () -> SmallCountSuppression.alone(-1));
    }

    @Test
    void aTotalOverOneHiddenCountGivesItAway() {
        Cell ten = new Cell(10, Cell.Visibility.EXACT);
        assertTrue(SmallCountSuppression.lineLeaks(13, List.of(ten, SMALL_3)));
        assertTrue(SmallCountSuppression.lineLeaks(40, List.of(ten, new Cell(30, Cell.Visibility.COMPLEMENTARY))));
        assertFalse(SmallCountSuppression.lineLeaks(20, List.of(ten, new Cell(10, Cell.Visibility.EXACT))));
    }

    @Test
    void aTotalThatLeavesHiddenCountsOnlyOneWayToAddUpGivesThemAway() {
        // 1 + 1 = 2 and 4 + 4 = 8: each "<5" is 1-4, so there is one way only
        assertTrue(SmallCountSuppression.lineLeaks(2, List.of(SMALL_1, SMALL_1)));
        assertTrue(SmallCountSuppression.lineLeaks(8, List.of(SMALL_4, SMALL_4)));
        // 1 + 4 = 5 could be 2 + 3 or 3 + 2
        assertFalse(SmallCountSuppression.lineLeaks(5, List.of(SMALL_1, SMALL_4)));
        // an "x" beside them absorbs any amount
        assertFalse(SmallCountSuppression.lineLeaks(
                12, List.of(SMALL_1, SMALL_1, new Cell(10, Cell.Visibility.COMPLEMENTARY))));
    }
}
