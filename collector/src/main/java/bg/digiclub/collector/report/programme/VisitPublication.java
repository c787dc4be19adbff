package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * Publishes the additive figures of a period (visits by age and sex, youth visits, tile sessions)
 * so that no hidden count can be worked out from any set of reports a reader can get: every month,
 * quarter, half-year, year or range of months, for each club and for all clubs together.
 *
 * <p>The pattern is decided per club and month ({@link AtomTableSuppression}), on the table of
 * atoms x sexes, and everything else is a sum of those months' published figures that is shown
 * only if every part is ({@link StablePattern}): a report row over its atoms, the youth line, the
 * municipality over its clubs, a period over its months. So a period says nothing its months do
 * not, two overlapping periods subtract to months that are protected, and the same cell is hidden
 * in every period containing a month that hides it (Eurostat's stable pattern; docs/collector.md,
 * "Small-count suppression across periods"). Tile counts are protected alone per club and month,
 * the municipality's with the across-clubs rule. Grand totals are always exact.
 *
 * <p>Pure functions, no SQL: a club's figures depend only on that club's months, so they are the
 * same in its own report and in the municipality's.
 */
public final class VisitPublication {
    private static final int SEXES = Sex.values().length;
    private static final int CATEGORIES = TileCategory.values().length;

    private VisitPublication() {}

    /**
     * The period's published figures.
     *
     * @param months per month of the period (in order) its counts, every month naming the same clubs
     *               (none at all is fine: a collector without clubs publishes exact zeros)
     * @param rows   the atom-to-row scheme the counts' atoms follow
     */
    public static PublishedVisits publish(List<MonthCounts> months, RowScheme rows) {
        Objects.requireNonNull(months, "months");
        Objects.requireNonNull(rows, "rows");
        if (months.isEmpty()) {
            throw new IllegalArgumentException("a period has at least one month");
        }
        List<String> clubs = new ArrayList<>(months.get(0).visitsByClub().keySet());
        List<Published> all = new ArrayList<>();
        Map<String, List<Published>> byClub = new LinkedHashMap<>();
        for (String club : clubs) {
            byClub.put(club, new ArrayList<>());
        }
        for (MonthCounts month : months) {
            if (!month.visitsByClub().keySet().equals(byClub.keySet())) {
                throw new IllegalArgumentException(month.month() + " names clubs "
                        + month.visitsByClub().keySet() + ", the period's first month " + clubs);
            }
            List<Published> clubMonths = new ArrayList<>();
            for (String club : clubs) {
                Published p = clubMonth(
                        month.visitsByClub().get(club), month.tilesByClub().get(club), rows);
                byClub.get(club).add(p);
                clubMonths.add(p);
            }
            all.add(Published.acrossClubs(clubMonths, rows.rows()));
        }
        Map<String, ClubVisits> published = new LinkedHashMap<>();
        for (String club : clubs) {
            published.put(club, Published.overMonths(byClub.get(club)).visits(rows));
        }
        return new PublishedVisits(published, Published.overMonths(all).visits(rows));
    }

    /**
     * The dashboard's figures of a period of whole months, by our own age bands (one row per
     * {@link AgeBand}, no youth line): for the club page's age x sex table and tile counts and for
     * {@code /export.csv} (a club's row and the all-clubs row). A period of days that is not whole
     * months must not use it: its figures are not sums of months' published ones.
     *
     * @param months per month, per club: visits [AgeBand.ordinal()][Sex.ordinal()] and tile counts
     */
    public static PublishedVisits publishByAgeBand(List<MonthCounts> months) {
        List<String> labels = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            labels.add(band.name());
        }
        return publish(months, RowScheme.identity(labels));
    }

    /** One club's month: atoms protected, then rolled up into the published lines. */
    private static Published clubMonth(long[][] visits, long[] tiles, RowScheme rows) {
        if (tiles.length != CATEGORIES) {
            throw new IllegalArgumentException("tile counts need " + CATEGORIES + " categories, not " + tiles.length);
        }
        AtomTableSuppression.Rows published = AtomTableSuppression.protect(visits, rows, List.of());
        SuppressedTable table = published.table();
        Cell[] tileCells = new Cell[CATEGORIES];
        for (int k = 0; k < CATEGORIES; k++) {
            tileCells[k] = SmallCountSuppression.alone(tiles[k]);
        }
        return new Published(
                table.cells(),
                table.rowTotals(),
                table.columnTotals(),
                table.grandTotal().value(),
                published.youth(),
                tileCells);
    }

    /**
     * The published figures of one scope and one or more months, before labels: rows x sexes,
     * row totals, sex totals, the exact grand total, youth, tiles.
     */
    private record Published(
            Cell[][] cells, Cell[] rowTotals, Cell[] columnTotals, long grand, Cell youth, Cell[] tiles) {

        /** All clubs of one month: visits shown where every club's are, tiles by the across-clubs rule. */
        static Published acrossClubs(List<Published> clubs, int rows) {
            return combine(clubs, rows, StablePattern::sum, StablePattern::acrossClubs);
        }

        /** A period: every figure shown where every month's is. */
        static Published overMonths(List<Published> months) {
            return combine(months, months.get(0).rowTotals().length, StablePattern::sum, StablePattern::sum);
        }

        /** Sums of the parts' figures at each place; no parts (a scope without clubs) give exact zeros. */
        private static Published combine(
                List<Published> parts, int rows, Function<List<Cell>, Cell> visits, Function<List<Cell>, Cell> tiles) {
            Cell[][] cells = new Cell[rows][SEXES];
            Cell[] rowTotals = new Cell[rows];
            Cell[] columnTotals = new Cell[SEXES];
            for (int r = 0; r < rows; r++) {
                for (int s = 0; s < SEXES; s++) {
                    int row = r;
                    int sex = s;
                    cells[r][s] = visits.apply(
                            parts.stream().map(p -> p.cells()[row][sex]).toList());
                }
                int row = r;
                rowTotals[r] =
                        visits.apply(parts.stream().map(p -> p.rowTotals()[row]).toList());
            }
            for (int s = 0; s < SEXES; s++) {
                int sex = s;
                columnTotals[s] = visits.apply(
                        parts.stream().map(p -> p.columnTotals()[sex]).toList());
            }
            Cell[] tileCells = new Cell[CATEGORIES];
            for (int k = 0; k < CATEGORIES; k++) {
                int category = k;
                tileCells[k] =
                        tiles.apply(parts.stream().map(p -> p.tiles()[category]).toList());
            }
            long grand = parts.stream().mapToLong(Published::grand).sum();
            return new Published(
                    cells,
                    rowTotals,
                    columnTotals,
                    grand,
                    visits.apply(parts.stream().map(Published::youth).toList()),
                    tileCells);
        }

        ClubVisits visits(RowScheme rows) {
            SuppressedTable table =
                    new SuppressedTable(cells, rowTotals, columnTotals, new Cell(grand, Cell.Visibility.EXACT));
            List<ProgrammeReport.TileUse> tileUses = new ArrayList<>();
            for (TileCategory category : TileCategory.values()) {
                tileUses.add(new ProgrammeReport.TileUse(category, tiles[category.ordinal()]));
            }
            return new ClubVisits(
                    new ProgrammeReport.AgeSexTable(rows.rowLabels(), List.of(Sex.values()), table), youth, tileUses);
        }
    }
}
