package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

class VisitPublicationTest {
    private static final RowScheme SCHEME = ReaderOfReports.SCHEME;
    private static final long[] NO_TILES = new long[TileCategory.values().length];

    /**
     * Two "&lt;5" cells of 1 in different rows and columns: the line-by-line rule (removed) hid their
     * row and column totals, each line then had two hidden numbers, yet the two cells move in opposite
     * directions on the one cycle they share, so both were pinned to 1. The cycle rule is not fooled.
     */
    @Test
    void twoOnesInDifferentRowsAndColumnsAreNotPinned() {
        long[][] counts = {{1, 10, 10}, {10, 1, 10}, {10, 10, 10}};
        RowScheme plain = RowScheme.identity(List.of("a", "b", "c"));
        SuppressedTable cycleRule = VisitPublication.publish(List.of(month(1, Map.of("club", counts))), plain)
                .byClub()
                .get("club")
                .byAgeAndSex()
                .table();
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 3; s++) {
                if (cycleRule.cell(r, s).shown() != Cell.Visibility.EXACT) {
                    assertFalse(pinned(counts, cycleRule, r, s), "cell " + r + "," + s);
                }
            }
        }
        assertEquals(Cell.Visibility.SMALL, cycleRule.cell(0, 0).shown());
        assertEquals(Cell.Visibility.SMALL, cycleRule.cell(1, 1).shown());
    }

    @Test
    void youthMinusEighteenToTwentyNineDoesNotRevealTheFifteenToSeventeens() {
        // 15-17: 2 visits in all; 0-17 and 18-29 shown would give youth - (18-29) = 2
        long[][] counts = {{20, 20, 6}, {0, 2, 0}, {30, 30, 10}, {40, 40, 10}, {30, 30, 10}, {10, 10, 10}};
        ClubVisits club = VisitPublication.publish(List.of(month(1, Map.of("club", counts))), SCHEME)
                .byClub()
                .get("club");
        SuppressedTable t = club.byAgeAndSex().table();
        boolean derivable =
                club.youth().shown() == Cell.Visibility.EXACT && t.rowTotals()[1].shown() == Cell.Visibility.EXACT;
        assertFalse(derivable, "youth and 18-29 both shown: 15-17 = youth - (18-29) = 2");
        assertEquals(Cell.Visibility.EXACT, t.grandTotal().shown());
        assertEquals(46 + 2 + 70 + 90 + 70 + 30, t.grandTotal().value());
    }

    @Test
    void aPeriodShowsACellOnlyWhereEveryMonthShowsItAndAddsTheMonths() {
        Random random = new Random(7);
        List<MonthCounts> months = ReaderOfReports.randomYear(random, List.of("a", "b"), 6);
        PublishedVisits period = VisitPublication.publish(months, SCHEME);
        List<PublishedVisits> each = months.stream()
                .map(m -> VisitPublication.publish(List.of(m), SCHEME))
                .toList();
        for (String club : List.of("a", "b")) {
            SuppressedTable whole = period.byClub().get(club).byAgeAndSex().table();
            for (int r = 0; r < SCHEME.rows(); r++) {
                for (int s = 0; s < Sex.values().length; s++) {
                    long sum = 0;
                    boolean everyMonth = true;
                    for (PublishedVisits month : each) {
                        Cell c = month.byClub().get(club).byAgeAndSex().table().cell(r, s);
                        sum += c.value();
                        everyMonth &= c.shown() == Cell.Visibility.EXACT;
                    }
                    assertEquals(sum, whole.cell(r, s).value());
                    assertEquals(everyMonth, whole.cell(r, s).shown() == Cell.Visibility.EXACT);
                }
            }
            long visits = months.stream()
                    .mapToLong(m -> sum(m.visitsByClub().get(club)))
                    .sum();
            assertEquals(new Cell(visits, Cell.Visibility.EXACT), whole.grandTotal());
        }
    }

    @Test
    void aClubsFiguresDoNotDependOnTheOtherClubsOrOnThePeriodAsked() {
        List<MonthCounts> months = ReaderOfReports.randomYear(new Random(11), List.of("a", "b", "c"), 4);
        ClubVisits withOthers =
                VisitPublication.publish(months, SCHEME).byClub().get("b");
        ClubVisits alone = VisitPublication.publish(ReaderOfReports.restrict(months, "b"), SCHEME)
                .byClub()
                .get("b");
        assertEquals(texts(alone), texts(withOthers));
        // the same month hides the same cells in the month's report and in the range 2-3
        ClubVisits month =
                VisitPublication.publish(months.subList(1, 2), SCHEME).byClub().get("b");
        ClubVisits range =
                VisitPublication.publish(months.subList(1, 3), SCHEME).byClub().get("b");
        SuppressedTable m = month.byAgeAndSex().table();
        SuppressedTable p = range.byAgeAndSex().table();
        for (int r = 0; r < SCHEME.rows(); r++) {
            for (int s = 0; s < Sex.values().length; s++) {
                if (m.cell(r, s).shown() != Cell.Visibility.EXACT) {
                    assertNotEquals(Cell.Visibility.EXACT, p.cell(r, s).shown());
                }
            }
        }
    }

    @Test
    void fourMonthsOfOneMakeAHiddenPeriodNotASmallOne() {
        // "<5" over four months of 1 would pin each month to 1
        assertEquals(
                new Cell(4, Cell.Visibility.COMPLEMENTARY),
                StablePattern.sum(List.of(small(1), small(1), small(1), small(1))));
        assertEquals(new Cell(3, Cell.Visibility.SMALL), StablePattern.sum(List.of(small(3), exact(0), exact(0))));
        assertEquals(new Cell(8, Cell.Visibility.COMPLEMENTARY), StablePattern.sum(List.of(small(3), exact(5))));
        assertEquals(new Cell(12, Cell.Visibility.EXACT), StablePattern.sum(List.of(exact(5), exact(7), exact(0))));
    }

    @Test
    void allClubsTileCountsHideWhatWouldPinAClubsCount() {
        // one club hidden: the total would give it away
        assertEquals(
                Cell.Visibility.COMPLEMENTARY,
                StablePattern.acrossClubs(List.of(small(2), exact(9))).shown());
        // two clubs hidden, 2 + 2 = 4 in all: small, and "<5" would pin nothing more than each part's own
        assertEquals(
                Cell.Visibility.COMPLEMENTARY,
                StablePattern.acrossClubs(List.of(small(2), small(2))).shown());
        // two of 1-4 adding up to 5 with 7 shown: 1..4 each, not pinned, shown
        assertEquals(
                new Cell(12, Cell.Visibility.EXACT), StablePattern.acrossClubs(List.of(small(2), small(3), exact(7))));
        // two of 4 adding up to 8: both pinned to 4, hidden
        assertEquals(
                Cell.Visibility.COMPLEMENTARY,
                StablePattern.acrossClubs(List.of(small(4), small(4))).shown());
    }

    @Test
    void theDashboardsTableHasOneRowPerAgeBand() {
        long[][] counts = new long[AgeBand.values().length][Sex.values().length];
        counts[0][0] = 12;
        counts[1][1] = 3;
        Map<String, long[][]> clubs = new LinkedHashMap<>();
        clubs.put("x", counts);
        clubs.put("y", counts);
        PublishedVisits p = VisitPublication.publishByAgeBand(List.of(month(3, clubs)));
        SuppressedTable t = p.byClub().get("x").byAgeAndSex().table();
        assertEquals(AgeBand.values().length, t.rows());
        assertEquals(AgeBand.values()[0].name(), p.all().byAgeAndSex().rows().get(0));
        assertEquals(Cell.Visibility.SMALL, t.cell(1, 1).shown());
        assertEquals(new Cell(15, Cell.Visibility.EXACT), t.grandTotal());
        assertEquals(
                new Cell(30, Cell.Visibility.EXACT),
                p.all().byAgeAndSex().table().grandTotal());
        assertEquals(List.of("x", "y"), List.copyOf(p.byClub().keySet()));
    }

    @Test
    void aScopeWithoutClubsPublishesExactZeros() {
        PublishedVisits p = VisitPublication.publish(List.of(month(1, Map.of()), month(2, Map.of())), SCHEME);
        assertTrue(p.byClub().isEmpty());
        SuppressedTable t = p.all().byAgeAndSex().table();
        assertEquals(SCHEME.rows(), t.rows());
        assertEquals(new Cell(0, Cell.Visibility.EXACT), t.cell(0, 0));
        assertEquals(new Cell(0, Cell.Visibility.EXACT), t.grandTotal());
        assertEquals(new Cell(0, Cell.Visibility.EXACT), p.all().youth());
        assertEquals(new Cell(0, Cell.Visibility.EXACT), p.all().tiles().get(0).sessions());
    }

    @Test
    void countsOfTheWrongShapeAreRefusedNamingWhatIsWrong() {
        long[][] tooFewAtoms = new long[2][Sex.values().length];
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VisitPublication.publish(List.of(month(1, Map.of("a", tooFewAtoms))), SCHEME));
        assertTrue(e.getMessage().contains("2 atoms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VisitPublication.publish(List.of(), SCHEME));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RowScheme(List.of("a", "b"), new int[] {0, 0}, new boolean[2]));
    }

    private static MonthCounts month(int month, Map<String, long[][]> visits) {
        Map<String, long[]> tiles = new LinkedHashMap<>();
        for (String club : visits.keySet()) {
            tiles.put(club, NO_TILES);
        }
        return new MonthCounts(YearMonth.of(2026, month), new LinkedHashMap<>(visits), tiles);
    }

    private static Cell small(long v) {
        return new Cell(v, Cell.Visibility.SMALL);
    }

    private static Cell exact(long v) {
        return new Cell(v, Cell.Visibility.EXACT);
    }

    private static long sum(long[][] counts) {
        long sum = 0;
        for (long[] row : counts) {
            for (long v : row) {
                sum += v;
            }
        }
        return sum;
    }

    private static List<String> texts(ClubVisits visits) {
        List<String> texts = new ArrayList<>();
        SuppressedTable t = visits.byAgeAndSex().table();
        for (int r = 0; r < t.rows(); r++) {
            for (int s = 0; s < t.columns(); s++) {
                texts.add(t.cell(r, s).text());
            }
            texts.add(t.rowTotals()[r].text());
        }
        for (Cell c : t.columnTotals()) {
            texts.add(c.text());
        }
        texts.add(t.grandTotal().text());
        texts.add(visits.youth().text());
        visits.tiles().forEach(u -> texts.add(u.sessions().text()));
        return texts;
    }

    /** Whether a reader of this one table (rows x columns with margins) recovers cell (r, s). */
    private static boolean pinned(long[][] counts, SuppressedTable table, int r, int s) {
        int rows = counts.length;
        int columns = counts[0].length;
        double[] truth = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                truth[i * columns + j] = counts[i][j];
            }
        }
        LinearAttacker reader = new LinearAttacker(rows * columns, truth);
        List<int[]> allCells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                allCells.add(new int[] {i * columns + j});
                see(reader, table.cell(i, j), new int[] {i * columns + j});
            }
            int row = i;
            see(reader, table.rowTotals()[i], range(columns, j -> row * columns + j));
        }
        for (int j = 0; j < columns; j++) {
            int column = j;
            see(reader, table.columnTotals()[j], range(rows, i -> i * columns + column));
        }
        see(reader, table.grandTotal(), range(rows * columns, i -> i));
        return reader.range(new int[] {r * columns + s}).recovered();
    }

    private static int[] range(int n, IntUnaryOperator f) {
        return IntStream.range(0, n).map(f).toArray();
    }

    private static void see(LinearAttacker reader, Cell cell, int[] unknowns) {
        switch (cell.shown()) {
            case EXACT -> reader.exact(unknowns, cell.value());
            case SMALL -> reader.between(unknowns, 1, 4);
            case COMPLEMENTARY -> {}
        }
    }
}
