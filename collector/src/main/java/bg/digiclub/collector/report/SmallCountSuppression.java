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

    private SmallCountSuppression() {
    }

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
                        ? Cell.Visibility.SMALL : Cell.Visibility.EXACT;
                if (!grand && shown[r][c] == Cell.Visibility.EXACT && forcedHidden != null && forcedHidden[r][c]) {
                    shown[r][c] = Cell.Visibility.COMPLEMENTARY;
                }
            }
        }
        List<int[][]> lines = lines(rows, columns);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] line : lines) {
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
        return new SuppressedTable(cells, rowTotals, columnTotals, new Cell(value[rows][columns], shown[rows][columns]));
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
    private static List<int[][]> lines(int rows, int columns) {
        List<int[][]> lines = new ArrayList<>();
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

    private static int[][] row(int r, int columns) {
        int[][] line = new int[columns + 1][];
        for (int c = 0; c <= columns; c++) {
            line[c] = new int[] {r, c};
        }
        return line;
    }

    private static int[][] column(int c, int rows) {
        int[][] line = new int[rows + 1][];
        for (int r = 0; r <= rows; r++) {
            line[r] = new int[] {r, c};
        }
        return line;
    }

    /** Hides one more number of the line if the line needs it; true if it hid one. */
    private static boolean protect(int[][] line, long[][] value, Cell.Visibility[][] shown, int rows, int columns) {
        int[] total = line[line.length - 1];
        int hidden = 0;
        for (int[] at : line) {
            if (shown[at[0]][at[1]] != Cell.Visibility.EXACT) {
                hidden++;
            }
        }
        if (hidden == 0) {
            return false;
        }
        boolean needsMore = hidden == 1
                || (shown[total[0]][total[1]] == Cell.Visibility.EXACT && pinned(line, value, shown));
        if (!needsMore) {
            return false;
        }
        int[] pick = pick(line, value, shown, rows, columns);
        if (pick == null) {
            return false;
        }
        shown[pick[0]][pick[1]] = Cell.Visibility.COMPLEMENTARY;
        return true;
    }

    /**
     * True if publishing {@code total} exactly beside these already published numbers (which add
     * up to it) would let a reader work out a hidden one: exactly one is hidden, or the hidden
     * ones are pinned to single values by their known ranges.
     */
    public static boolean lineLeaks(long total, List<Cell> members) {
        long sum = total;
        List<long[]> bounds = new ArrayList<>();
        for (Cell member : members) {
            if (member.shown() == Cell.Visibility.EXACT) {
                sum -= member.value();
            } else {
                bounds.add(member.shown() == Cell.Visibility.SMALL ? new long[] {1, THRESHOLD - 1}
                        : new long[] {0, UNBOUNDED});
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
    private static boolean pinned(int[][] line, long[][] value, Cell.Visibility[][] shown) {
        int[] total = line[line.length - 1];
        long sum = value[total[0]][total[1]];
        List<long[]> bounds = new ArrayList<>();
        for (int i = 0; i < line.length - 1; i++) {
            int[] at = line[i];
            Cell.Visibility v = shown[at[0]][at[1]];
            if (v == Cell.Visibility.EXACT) {
                sum -= value[at[0]][at[1]];
            } else {
                bounds.add(v == Cell.Visibility.SMALL ? new long[] {1, THRESHOLD - 1} : new long[] {0, UNBOUNDED});
            }
        }
        return pinned(sum, bounds);
    }

    private static boolean pinned(long sum, List<long[]> bounds) {
        long lowSum = 0;
        long finiteHighSum = 0;
        int unbounded = 0;
        for (long[] b : bounds) {
            lowSum += b[0];
            if (b[1] >= UNBOUNDED) {
                unbounded++;
            } else {
                finiteHighSum += b[1];
            }
        }
        for (long[] b : bounds) {
            boolean selfUnbounded = b[1] >= UNBOUNDED;
            // the others can absorb any amount if one of them has no upper bound
            boolean othersUnbounded = unbounded - (selfUnbounded ? 1 : 0) > 0;
            long othersHigh = finiteHighSum - (selfUnbounded ? 0 : b[1]);
            long low = othersUnbounded ? b[0] : Math.max(b[0], sum - othersHigh);
            long high = Math.min(b[1], sum - (lowSum - b[0]));
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
    private static int[] pick(int[][] line, long[][] value, Cell.Visibility[][] shown, int rows, int columns) {
        int[] total = line[line.length - 1];
        boolean grandTotal = total[0] == rows && total[1] == columns;
        if (!grandTotal && shown[total[0]][total[1]] == Cell.Visibility.EXACT && value[total[0]][total[1]] > 0) {
            return total;
        }
        int[] best = null;
        for (int i = 0; i < line.length - 1; i++) {
            int[] at = line[i];
            if (shown[at[0]][at[1]] == Cell.Visibility.EXACT && value[at[0]][at[1]] > 0
                    && (best == null || value[at[0]][at[1]] < value[best[0]][best[1]])) {
                best = at;
            }
        }
        return best;
    }
}
