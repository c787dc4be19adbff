package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.report.programme.MemberPublication.Published;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * Member tables published for a calendar year's family, attacked by {@link MemberAttacker}: with the
 * protection no hidden number (and no count of 1-4 of one atom inside a row) can be pinned from every
 * table of the family, the municipality's sums and the nested periods' bounds, nor from a single
 * table's own lines; with each table suppressed on its own, the same attacker pins numbers.
 *
 * <p>The data are made the way members come: cards with a declared band and sex, each visiting in some
 * months of the year, so every period's count is the true distinct count of its months.
 */
class MemberPublicationTest {
    /** Rows 0-17, 18+ and not declared; youth 18-29 splits 18+ in two atoms (18-29, 30+). */
    private static final ReportBands BANDS = ReportBands.of(List.of("0-17", "18+"), "18-29");

    private static final AgeBand[] DECLARED = {
        AgeBand.AGE_18_24,
        AgeBand.AGE_25_29,
        AgeBand.AGE_30_54,
        AgeBand.AGE_55_64,
        AgeBand.AGE_75_PLUS,
        AgeBand.NOT_DECLARED
    };

    /** A card: its band, sex and the months (bits 0-11) it had a visit in. */
    private record Card(AgeBand band, Sex sex, int months) {}

    /** Clubs of {@code fewest} to {@code fewest + spread - 1} cards each. */
    private static List<List<Card>> clubs(long seed, int clubs, int fewest, int spread) {
        Random random = new Random(seed);
        List<List<Card>> all = new ArrayList<>();
        for (int c = 0; c < clubs; c++) {
            List<Card> cards = new ArrayList<>();
            int n = fewest + random.nextInt(spread);
            double often = 0.1 + random.nextDouble() * 0.4;
            for (int i = 0; i < n; i++) {
                AgeBand band = random.nextInt(5) == 0 ? AgeBand.AGE_16_17 : DECLARED[random.nextInt(DECLARED.length)];
                Sex sex = band == AgeBand.NOT_DECLARED ? Sex.NOT_DECLARED : Sex.values()[random.nextInt(2)];
                int months = 0;
                for (int m = 0; m < 12; m++) {
                    if (random.nextDouble() < often) {
                        months |= 1 << m;
                    }
                }
                cards.add(new Card(band, sex, months));
            }
            all.add(cards);
        }
        return all;
    }

    /** The months of each period of the family, as bits. */
    private static int monthsOf(int period) {
        if (period < YearFamily.MONTHS) {
            return 1 << period;
        }
        int bits = 0;
        for (int child : YearFamily.children(period)) {
            bits |= monthsOf(child);
        }
        return bits;
    }

    private static long[][][][] counts(List<List<Card>> clubs) {
        long[][][][] counts = new long[clubs.size()][YearFamily.SIZE][BANDS.atoms()][Sex.values().length];
        for (int c = 0; c < clubs.size(); c++) {
            for (Card card : clubs.get(c)) {
                for (int p = 0; p < YearFamily.SIZE; p++) {
                    if ((card.months() & monthsOf(p)) != 0) {
                        counts[c][p][BANDS.atomOf(card.band())][card.sex().ordinal()]++;
                    }
                }
            }
        }
        return counts;
    }

    @Test
    void noHiddenNumberOfTheFamilyCanBePinnedWithTheBoundsOfNestedPeriodsAndTheClubsSums() {
        int hiddenSeen = 0;
        // small clubs (0-7 cards: most numbers hidden) and bigger ones (8-23 cards)
        long[][] runs = {{1, 0, 8}, {2, 0, 8}, {3, 0, 8}, {4, 0, 8}, {5, 0, 8}, {6, 0, 8}, {1, 8, 16}, {2, 8, 16}};
        for (long[] run : runs) {
            long[][][][] counts = counts(clubs(run[0], 2, (int) run[1], (int) run[2]));
            MemberPublication.Layout layout = new MemberPublication.Layout(2, BANDS);
            MemberPublication.FamilyTables tables = MemberPublication.protect(counts, BANDS, true);
            List<MemberAttacker.Finding> findings = new MemberAttacker(tables, layout).attack();
            assertEquals(List.of(), findings, "seed " + run[0] + ", " + run[1] + "+ cards");
            hiddenSeen += hidden(tables, layout);
        }
        assertTrue(hiddenSeen > 100, "the data must hide things for the attack to mean anything: " + hiddenSeen);
    }

    /**
     * Single tables (rows 0-17, 18+, not declared × female, male, not declared), each the only members of
     * the year: one club, all of them in March, so March, the first quarter, the first half and the year
     * publish the same table and nothing else is open to the reader.
     *
     * <p>The first is the rectangle of two 1s in different rows and columns that pinned both under the
     * line-by-line rule used before, shown as "&lt;5"; member tables show every hidden number as "x", so
     * the rectangle alone gives nothing away, and the test keeps it so. The others are tables where that
     * rule (each line with no or at least two hidden numbers) left a hidden number on no cycle of hidden
     * numbers — a bridge between two cycles: the line equations fix it whatever the bounds, and the
     * attacker read it off (the 2 of the second table, in all its 8 tables). The cycle rule leaves none.
     */
    @Test
    void noHiddenNumberOfASingleTableIsPinnedByItsOwnLines() {
        long[][][] tables = {
            {{1, 10, 10}, {10, 1, 10}, {10, 10, 10}},
            {{3, 15, 2}, {15, 3, 4}, {1, 13, 0}},
            {{0, 4, 13}, {10, 21, 4}, {0, 3, 16}},
            {{0, 22, 2}, {3, 1, 0}, {16, 0, 4}},
            {{9, 12, 2}, {0, 0, 7}, {1, 4, 11}},
        };
        for (long[][] rows : tables) {
            long[][][][] counts = onlyInMarch(rows);
            MemberPublication.Layout layout = new MemberPublication.Layout(2, BANDS);
            MemberPublication.FamilyTables family = MemberPublication.protect(counts, BANDS, true);
            assertEquals(List.of(), new MemberAttacker(family, layout).attack(), "table " + Arrays.deepToString(rows));
        }
    }

    /**
     * The attacker's teeth on the tables above: the second one with a pattern the line-by-line rule
     * allowed (every line with no or at least two hidden numbers) but that leaves its 2 a bridge
     * between two cycles of hidden numbers (the 3 and 1 of column one with the totals of rows one and
     * three; the 3 and 4 of row two with the totals of columns two and three). The attacker reads the
     * 2 off the line equations.
     */
    @Test
    void theAttackerPinsABridgeBetweenTwoCyclesOfHiddenNumbers() {
        long[][] rows = {{3, 15, 2}, {15, 3, 4}, {1, 13, 0}};
        // hidden: cells (0,0) (0,2) (1,1) (1,2) (2,0), the totals of rows 0 and 2, of columns 1 and 2
        boolean[][] hiddenCells = {{true, false, true}, {false, true, true}, {true, false, false}};
        boolean[] hiddenRowTotals = {true, false, true};
        boolean[] hiddenColumnTotals = {false, true, true};
        Published march = published(rows, hiddenCells, hiddenRowTotals, hiddenColumnTotals);
        Published none = published(new long[3][3], new boolean[3][3], new boolean[3], new boolean[3]);
        Published[][] tables = new Published[3][YearFamily.SIZE];
        for (int p = 0; p < YearFamily.SIZE; p++) {
            boolean holdsMarch = (monthsOf(p) & (1 << 2)) != 0;
            tables[0][p] = holdsMarch ? march : none;
            tables[1][p] = none;
            tables[2][p] = holdsMarch ? march : none;
        }
        MemberPublication.Layout layout = new MemberPublication.Layout(2, BANDS);

        List<MemberAttacker.Finding> found =
                new MemberAttacker(new MemberPublication.FamilyTables(tables), layout).attack();

        assertTrue(
                found.stream().anyMatch(f -> Math.abs(f.min() - 2) < 1e-6 && Math.abs(f.max() - 2) < 1e-6),
                "the attacker pins the 2: " + found);
    }

    /** A member table as published, with the youth count (18-29, none here) shown. */
    private static Published published(
            long[][] rows, boolean[][] hiddenCells, boolean[] hiddenRowTotals, boolean[] hiddenColumnTotals) {
        Cell[][] cells = new Cell[rows.length][rows[0].length];
        Cell[] rowTotals = new Cell[rows.length];
        Cell[] columnTotals = new Cell[rows[0].length];
        long[] columnSums = new long[rows[0].length];
        long grand = 0;
        for (int r = 0; r < rows.length; r++) {
            long rowSum = 0;
            for (int c = 0; c < rows[r].length; c++) {
                cells[r][c] = cell(rows[r][c], hiddenCells[r][c]);
                rowSum += rows[r][c];
                columnSums[c] += rows[r][c];
            }
            rowTotals[r] = cell(rowSum, hiddenRowTotals[r]);
            grand += rowSum;
        }
        for (int c = 0; c < columnSums.length; c++) {
            columnTotals[c] = cell(columnSums[c], hiddenColumnTotals[c]);
        }
        return new Published(new SuppressedTable(cells, rowTotals, columnTotals, cell(grand, false)), cell(0, false));
    }

    private static Cell cell(long value, boolean hidden) {
        return new Cell(value, hidden ? Cell.Visibility.COMPLEMENTARY : Cell.Visibility.EXACT);
    }

    /**
     * A family where club 0's members all came in March, by row (0-17, 18+ as 30+, so youth 18-29 is 0, not
     * declared) and sex; club 1 has none.
     */
    private static long[][][][] onlyInMarch(long[][] rows) {
        int[] atomOfRow = {
            BANDS.atomOf(AgeBand.AGE_16_17), BANDS.atomOf(AgeBand.AGE_30_54), BANDS.atomOf(AgeBand.NOT_DECLARED)
        };
        int march = 2;
        long[][][][] counts = new long[2][YearFamily.SIZE][BANDS.atoms()][Sex.values().length];
        for (int p = 0; p < YearFamily.SIZE; p++) {
            if ((monthsOf(p) & (1 << march)) == 0) {
                continue;
            }
            for (int r = 0; r < rows.length; r++) {
                for (int s = 0; s < rows[r].length; s++) {
                    counts[0][p][atomOfRow[r]][s] = rows[r][s];
                }
            }
        }
        return counts;
    }

    /**
     * Each table protected by the cycle rule on its own (no stable pattern, no bounds audit): the
     * tables hold up alone, but clubs of 8-23 cards give the attacker numbers through the nested
     * periods (seed 1: 6, seed 2: 54; the small clubs of 0-7 cards hide so much that seeds 1-6 give none).
     */
    @Test
    void theAttackerPinsNumbersWhenEachTableIsSuppressedOnItsOwn() {
        int pinned = 0;
        for (long seed = 1; seed <= 6 && pinned == 0; seed++) {
            long[][][][] counts = counts(clubs(seed, 2, 8, 16));
            MemberPublication.Layout layout = new MemberPublication.Layout(2, BANDS);
            MemberPublication.FamilyTables alone = MemberPublication.protect(counts, BANDS, false);
            pinned += new MemberAttacker(alone, layout).attack().size();
        }
        assertTrue(pinned > 0, "the attacker has teeth: tables suppressed one by one give numbers away");
    }

    @Test
    void aCalendarPeriodGetsItsFamilysTableACustomOneTheTotalOnly() throws Exception {
        List<List<Card>> clubs = clubs(7, 2, 8, 16);
        MemberSource source = (from, to) -> {
            Map<String, MemberCounts> byClub = new HashMap<>();
            for (int c = 0; c < clubs.size(); c++) {
                Map<AgeBand, long[]> bands = new EnumMap<>(AgeBand.class);
                long distinct = 0;
                for (Card card : clubs.get(c)) {
                    boolean came = false;
                    for (int m = 0; m < 12; m++) {
                        LocalDate first = LocalDate.of(2026, m + 1, 1);
                        if ((card.months() & (1 << m)) != 0
                                && !first.isAfter(to)
                                && !first.plusMonths(1).minusDays(1).isBefore(from)) {
                            came = true;
                        }
                    }
                    if (came) {
                        bands.computeIfAbsent(card.band(), b -> new long[Sex.values().length])[
                                card.sex().ordinal()]++;
                        distinct++;
                    }
                }
                byClub.put("club-" + c, new MemberCounts(distinct, bands));
            }
            return byClub;
        };
        long[][][][] counts = counts(clubs);
        MemberPublication.FamilyTables family = MemberPublication.protect(counts, BANDS, true);
        MemberPublication.Layout layout = new MemberPublication.Layout(2, BANDS);

        ReportPeriod march = ReportPeriod.month(YearMonth.of(2026, 3));
        MemberPublication.PublishedMembers club =
                MemberPublication.publish(march, ReportScope.club("club-1"), source, BANDS);
        assertEquals(family.of(1, 2).table().grandTotal().value(), club.members());
        assertEquals(club.members(), club.byAgeAndSex().table().grandTotal().value());
        for (int pos = 0; pos < layout.youth(); pos++) {
            assertEquals(
                    layout.cell(family.of(1, 2), pos).text(),
                    layout.cell(
                                    new MemberPublication.Published(
                                            club.byAgeAndSex().table(), club.youth()),
                                    pos)
                            .text(),
                    "the month shows its place in the year's family, position " + pos);
        }
        MemberPublication.PublishedMembers all =
                MemberPublication.publish(ReportPeriod.quarter(2026, 1), ReportScope.municipality(), source, BANDS);
        assertEquals(family.of(2, 12).table().grandTotal().value(), all.members(), "the clubs' members added");

        MemberPublication.PublishedMembers custom = MemberPublication.publish(
                ReportPeriod.custom(YearMonth.of(2026, 2), YearMonth.of(2026, 4)),
                ReportScope.municipality(),
                source,
                BANDS);
        assertNull(custom.byAgeAndSex(), "a custom period: the total only");
        assertNull(custom.youth());
        assertEquals(
                source.countAll(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)).values().stream()
                        .mapToLong(MemberCounts::distinct)
                        .sum(),
                custom.members());
        assertFalse(custom.members() == 0, "the data have members in that range");
    }

    private static int hidden(MemberPublication.FamilyTables tables, MemberPublication.Layout layout) {
        int n = 0;
        for (int s = 0; s < layout.scopes; s++) {
            for (int p = 0; p < YearFamily.SIZE; p++) {
                for (int pos = 0; pos < layout.positions(); pos++) {
                    if (layout.visibility(tables.of(s, p), pos) != Cell.Visibility.EXACT) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
