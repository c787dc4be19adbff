package bg.digiclub.collector.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-count suppression for a two-way table with margins (age band x sex, with totals).
 *
 * <p>Primary: every cell and margin from 1 to 4 is hidden ("<5"). The grand total is always
 * shown (the same number is the period's session count elsewhere on the page). Complementary:
 * the table is seen as lines (each row with its row total, each column with its column total,
 * the row totals with the grand total, the column totals with the grand total). Repeated until
 * nothing changes: a line with exactly one hidden number gets a second one hidden (its total if
 * that is not the grand total, else its smallest non-zero cell); a line whose shown total would pin a hidden
 * number to one value (e.g. two hidden cells known to be 1-4 that add up to 2) gets one more
 * hidden. That stops the subtraction attacks a reader can do with a pencil on one table; it is
 * not a full linear-programming audit across tables, which is why exports use the same periods.
 */
public final class SmallCountSuppression {
    /** Counts below this and above zero are hidden. */
    public static final int THRESHOLD = 5;

    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private SmallCountSuppression() {}

    public static SuppressedTable apply(long[][] counts) {
        return apply(counts, null);
    }

    /**
     * Like {@link #apply(long[][])}, with some numbers hidden from the start because another
     * published table would reveal them (see {@link #lineLeaks}).
     *
     * @param forcedHidden (rows+1) x (columns+1) flags, margins last; null for none
     */
    public static SuppressedTable apply(long[][] counts, boolean[][] forcedHidden) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        // a (rows+1) x (columns+1) grid: margins in the last row and column, grand total at the corner
        long[][] value = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long v = counts[r][c];
                if (v < 0) {
                    throw new IllegalArgumentException("a count cannot be negative: " + v);
                }
                value[r][c] = v;
                value[r][columns] += v;
                value[rows][c] += v;
                value[rows][columns] += v;
            }
        }
        Cell.Visibility[][] shown = new Cell.Visibility[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                boolean grand = r == rows && c == columns;
                shown[r][c] = !grand && value[r][c] > 0 && value[r][c] < THRESHOLD
                        ? Cell.Visibility.SMALL
                        : Cell.Visibility.EXACT;
                if (!grand && shown[r][c] == Cell.Visibility.EXACT && forcedHidden != null && forcedHidden[r][c]) {
                    shown[r][c] = Cell.Visibility.COMPLEMENTARY;
                }
            }
        }
        List<List<At>> lines = lines(rows, columns);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<At> line : lines) {
                if (protect(line, value, shown, rows, columns)) {
                    changed = true;
                }
            }
        }
        Cell[][] cells = new Cell[rows][columns];
        Cell[] rowTotals = new Cell[rows];
        Cell[] columnTotals = new Cell[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = new Cell(value[r][c], shown[r][c]);
            }
            rowTotals[r] = new Cell(value[r][columns], shown[r][columns]);
        }
        for (int c = 0; c < columns; c++) {
            columnTotals[c] = new Cell(value[rows][c], shown[rows][c]);
        }
        return new SuppressedTable(
                cells, rowTotals, columnTotals, new Cell(value[rows][columns], shown[rows][columns]));
    }

    /**
     * A count published with no total beside it that it adds up to, such as the sessions that used
     * a tile category (a session may use several categories, so they add up to nothing shown):
     * only the primary rule applies, "<5" for 1 to 4.
     */
    public static Cell alone(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + count);
        }
        return new Cell(count, count > 0 && count < THRESHOLD ? Cell.Visibility.SMALL : Cell.Visibility.EXACT);
    }

    /**
     * The sum of counts published beside it ({@code parts}, e.g. the clubs' counts under an all-clubs
     * total): hidden ("x") where showing it would reveal a hidden part by subtraction, else
     * {@link #alone}.
     */
    public static Cell sumOf(long total, List<Cell> parts) {
        Cell cell = alone(total);
        if (cell.shown() == Cell.Visibility.EXACT && lineLeaks(total, parts)) {
            return new Cell(total, Cell.Visibility.COMPLEMENTARY);
        }
        return cell;
    }

    /**
     * Each line: its member cells' coordinates, then its total's coordinates last. Inner rows and
     * columns come first, the two margin lines last, so that a margin hidden for an inner line is
     * already there when the margin lines are checked (fewer numbers hidden in the end).
     */
    private static List<List<At>> lines(int rows, int columns) {
        List<List<At>> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lines.add(row(r, columns));
        }
        for (int c = 0; c < columns; c++) {
            lines.add(column(c, rows));
        }
        lines.add(row(rows, columns));
        lines.add(column(columns, rows));
        return lines;
    }

    /**
     * A place in the table with its margins: the last row holds the column totals, the last
     * column the row totals.
     */
    private record At(int row, int column) {
        long of(long[][] value) {
            return value[row][column];
        }

        Cell.Visibility of(Cell.Visibility[][] shown) {
            return shown[row][column];
        }
    }

    /** What a reader knows of a hidden number: it lies in {@code [low, high]}. */
    private record Range(long low, long high) {
        static final Range SMALL = new Range(1, THRESHOLD - 1);
        static final Range ANY = new Range(0, UNBOUNDED);

        static Range of(Cell.Visibility hidden) {
            return hidden == Cell.Visibility.SMALL ? SMALL : ANY;
        }

        boolean unbounded() {
            return high >= UNBOUNDED;
        }
    }

    private static List<At> row(int r, int columns) {
        List<At> line = new ArrayList<>();
        for (int c = 0; c <= columns; c++) {
            line.add(new At(r, c));
        }
        return line;
    }

    private static List<At> column(int c, int rows) {
        List<At> line = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            line.add(new At(r, c));
        }
        return line;
    }

    /** The line's total: its last place. */
    private static At total(List<At> line) {
        return line.get(line.size() - 1);
    }

    /** Hides one more number of the line if the line needs it; true if it hid one. */
    private static boolean protect(List<At> line, long[][] value, Cell.Visibility[][] shown, int rows, int columns) {
        At total = total(line);
        int hidden = 0;
        for (At at : line) {
            if (at.of(shown) != Cell.Visibility.EXACT) {
                hidden++;
            }
        }
        if (hidden == 0) {
            return false;
        }
        boolean needsMore = hidden == 1 || (total.of(shown) == Cell.Visibility.EXACT && pinned(line, value, shown));
        if (!needsMore) {
            return false;
        }
        At pick = pick(line, value, shown, rows, columns);
        if (pick == null) {
            return false;
        }
        shown[pick.row()][pick.column()] = Cell.Visibility.COMPLEMENTARY;
        return true;
    }

    /**
     * True if publishing {@code total} exactly beside these already published numbers (which add
     * up to it) would let a reader work out a hidden one: exactly one is hidden, or the hidden
     * ones are pinned to single values by their known ranges.
     */
    public static boolean lineLeaks(long total, List<Cell> members) {
        long sum = total;
        List<Range> bounds = new ArrayList<>();
        for (Cell member : members) {
            if (member.shown() == Cell.Visibility.EXACT) {
                sum -= member.value();
            } else {
                bounds.add(Range.of(member.shown()));
            }
        }
        if (bounds.isEmpty()) {
            return false;
        }
        return bounds.size() == 1 || pinned(sum, bounds);
    }

    /**
     * With the line's total shown, the hidden cells add up to a known sum. A hidden "<5" cell is
     * known to be 1-4, a complementary one anything from 0. If that pins any hidden cell to a
     * single value, the line leaks.
     */
    private static boolean pinned(List<At> line, long[][] value, Cell.Visibility[][] shown) {
        long sum = total(line).of(value);
        List<Range> bounds = new ArrayList<>();
        for (At at : line.subList(0, line.size() - 1)) {
            Cell.Visibility v = at.of(shown);
            if (v == Cell.Visibility.EXACT) {
                sum -= at.of(value);
            } else {
                bounds.add(Range.of(v));
            }
        }
        return pinned(sum, bounds);
    }

    private static boolean pinned(long sum, List<Range> bounds) {
        long lowSum = 0;
        long finiteHighSum = 0;
        int unbounded = 0;
        for (Range b : bounds) {
            lowSum += b.low();
            if (b.unbounded()) {
                unbounded++;
            } else {
                finiteHighSum += b.high();
            }
        }
        for (Range b : bounds) {
            boolean selfUnbounded = b.unbounded();
            // the others can absorb any amount if one of them has no upper bound
            boolean othersUnbounded = unbounded - (selfUnbounded ? 1 : 0) > 0;
            long othersHigh = finiteHighSum - (selfUnbounded ? 0 : b.high());
            long low = othersUnbounded ? b.low() : Math.max(b.low(), sum - othersHigh);
            long high = Math.min(b.high(), sum - (lowSum - b.low()));
            if (low >= high) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number to hide next in a line: its total if that is not the grand total (hiding a
     * margin keeps the table's inner cells, the numbers people report, visible), else its
     * smallest non-zero cell. Zeros are never hidden: a hidden zero protects nothing.
     */
    private static At pick(List<At> line, long[][] value, Cell.Visibility[][] shown, int rows, int columns) {
        At total = total(line);
        boolean grandTotal = total.row() == rows && total.column() == columns;
        if (!grandTotal && total.of(shown) == Cell.Visibility.EXACT && total.of(value) > 0) {
            return total;
        }
        At best = null;
        for (At at : line.subList(0, line.size() - 1)) {
            if (at.of(shown) == Cell.Visibility.EXACT
                    && at.of(value) > 0
                    && (best == null || at.of(value) < best.of(value))) {
                best = at;
            }
        }
        return best;
    }
}
