package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;

/**
 * The suppression of one club's month: the table of atoms x sexes with its margins (atom totals,
 * sex totals, the grand total, which is always shown).
 *
 * <p>Primary: every number from 1 to 4 is hidden. Complementary: every hidden number, and every
 * published line that sums hidden numbers (a report row over its atoms, a row total, the youth
 * line), must lie on a <em>cycle</em> of hidden numbers along which the table can be changed by
 * one (+1 on some, -1 on others, every line's sum unchanged, every hidden number staying within
 * what its mark says: 1-4 for "&lt;5", 0 or more for "x") while the protected figure changes by
 * one. Then a reader who solves every equation the tables give, with every bound, finds at least
 * two whole values for each hidden figure: none is recovered. Where no such cycle exists among
 * the hidden numbers, the cheapest one is hidden (fewest and smallest numbers; a zero only when
 * nothing else closes the cycle). Hiding more never undoes a cycle, so this ends.
 *
 * <p>The older line-by-line rule ({@link SmallCountSuppression}) makes sure each line has two
 * hidden numbers; that is not enough: two "&lt;5" cells of 1 in different rows and columns, with
 * their margins hidden, form one cycle on which the two move in opposite directions, so both are
 * pinned to 1. The cycle test catches that.
 */
final class AtomTableSuppression {
    /** Cost of hiding one more non-zero number (plus its value, so smaller ones go first). */
    private static final long HIDE = 1_000;
    /** Cost of hiding a zero: a last resort, readers lose a true "0". */
    private static final long HIDE_ZERO = 1_000_000;

    private final int atoms;
    private final int sexes;
    /** (atoms + 1) x (sexes + 1): margins last, the grand total at the corner. */
    private final long[][] value;

    private final Cell.Visibility[][] shown;

    private AtomTableSuppression(long[][] counts) {
        atoms = counts.length;
        sexes = counts[0].length;
        value = new long[atoms + 1][sexes + 1];
        for (int a = 0; a < atoms; a++) {
            if (counts[a].length != sexes) {
                throw new IllegalArgumentException(
                        "every atom needs " + sexes + " sexes, atom " + a + " has " + counts[a].length);
            }
            for (int s = 0; s < sexes; s++) {
                long v = counts[a][s];
                value[a][s] = v;
                value[a][sexes] += v;
                value[atoms][s] += v;
                value[atoms][sexes] += v;
            }
        }
        shown = new Cell.Visibility[atoms + 1][sexes + 1];
        for (int a = 0; a <= atoms; a++) {
            for (int s = 0; s <= sexes; s++) {
                long v = value[a][s];
                shown[a][s] = !grand(a, s) && v > 0 && v < SmallCountSuppression.THRESHOLD
                        ? Cell.Visibility.SMALL
                        : Cell.Visibility.EXACT;
            }
        }
    }

    /**
     * The protected table.
     *
     * @param counts [atom][sex], none negative
     * @param lines  the published lines that sum more than one atom: per line its column (a sex,
     *               or {@code sexes} for totals) and its atoms
     * @return (atoms + 1) x (sexes + 1) cells, margins last
     */
    static Cell[][] protect(long[][] counts, List<Line> lines) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one atom and one sex");
        }
        AtomTableSuppression table = new AtomTableSuppression(counts);
        table.run(lines);
        Cell[][] cells = new Cell[table.atoms + 1][table.sexes + 1];
        for (int a = 0; a <= table.atoms; a++) {
            for (int s = 0; s <= table.sexes; s++) {
                cells[a][s] = new Cell(table.value[a][s], table.shown[a][s]);
            }
        }
        return cells;
    }

    /**
     * A published figure that sums several numbers of one column of the table.
     *
     * @param column a sex's index, or the number of sexes for the atoms' totals
     * @param atoms  the atoms it sums
     */
    record Line(int column, int[] atoms) {}

    private boolean grand(int a, int s) {
        return a == atoms && s == sexes;
    }

    private void run(List<Line> lines) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line target : targets(lines)) {
                Cycle best = cheapestCycle(target);
                if (best == null) {
                    hideAll();
                    return;
                }
                if (best.cost() > 0) {
                    for (int[] at : best.cells()) {
                        if (shown[at[0]][at[1]] == Cell.Visibility.EXACT) {
                            shown[at[0]][at[1]] = Cell.Visibility.COMPLEMENTARY;
                        }
                    }
                    changed = true;
                }
            }
        }
    }

    /** Every hidden number on its own, and every published line with a hidden number in it. */
    private List<Line> targets(List<Line> lines) {
        List<Line> targets = new ArrayList<>();
        for (int a = 0; a <= atoms; a++) {
            for (int s = 0; s <= sexes; s++) {
                if (shown[a][s] != Cell.Visibility.EXACT) {
                    targets.add(new Line(s, new int[] {a}));
                }
            }
        }
        for (Line line : lines) {
            for (int a : line.atoms()) {
                if (shown[a][line.column()] != Cell.Visibility.EXACT) {
                    targets.add(line);
                    break;
                }
            }
        }
        return targets;
    }

    /** No cycle at all (a table too small to protect): hide everything but the grand total. */
    private void hideAll() {
        for (int a = 0; a <= atoms; a++) {
            for (int s = 0; s <= sexes; s++) {
                if (!grand(a, s) && shown[a][s] == Cell.Visibility.EXACT) {
                    shown[a][s] = Cell.Visibility.COMPLEMENTARY;
                }
            }
        }
    }

    /** A cycle through the target and what it costs to hide its numbers not hidden yet. */
    private record Cycle(long cost, List<int[]> cells) {}

    /**
     * Tries each hidden number of the target line, each direction (+1, -1): the cheapest cycle
     * that enters the line's column through that number and leaves it through a number outside
     * the line, so that the line's sum changes by one.
     */
    private Cycle cheapestCycle(Line target) {
        boolean[] inLine = new boolean[atoms + 1];
        for (int a : target.atoms()) {
            inLine[a] = true;
        }
        Cycle best = null;
        for (int h : target.atoms()) {
            if (shown[h][target.column()] == Cell.Visibility.EXACT) {
                continue;
            }
            for (int d : new int[] {1, -1}) {
                Cycle c = cycle(h, target.column(), d, inLine);
                if (c != null && (best == null || c.cost() < best.cost())) {
                    best = c;
                }
            }
        }
        return best;
    }

    /**
     * +1 for a cell of the body or the grand total, -1 for a margin: with these weights every
     * line of the table (a row or a column with its total) sums to zero, which makes the moves
     * that keep all lines those of a plain table: alternate +t and -t around a cycle.
     */
    private int sign(int a, int s) {
        return (a == atoms) != (s == sexes) ? -1 : 1;
    }

    /** Whether a number may change by {@code delta} and still agree with how it is shown. */
    private boolean canMove(int a, int s, long delta) {
        long after = value[a][s] + delta;
        return switch (shown[a][s]) {
            case SMALL -> after >= 1 && after < SmallCountSuppression.THRESHOLD;
            case COMPLEMENTARY, EXACT -> after >= 0;
        };
    }

    private long cost(int a, int s) {
        if (shown[a][s] != Cell.Visibility.EXACT) {
            return 0;
        }
        return value[a][s] == 0 ? HIDE_ZERO : HIDE + value[a][s];
    }

    /**
     * Dijkstra from the target's column to its row over the table's numbers (row and column
     * vertices, a number an edge between its row and its column), the target's own column left
     * only through a number outside the line. Going column to row the weighted move is -t, row to
     * column +t, where the target itself moves by +t.
     */
    private Cycle cycle(int h, int column, int d, boolean[] inLine) {
        int t = d * sign(h, column);
        if (!canMove(h, column, d)) {
            return null;
        }
        int rows = atoms + 1;
        int vertices = rows + sexes + 1;
        long[] dist = new long[vertices];
        int[] fromVertex = new int[vertices];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(fromVertex, -1);
        int source = rows + column;
        int goal = h;
        dist[source] = 0;
        PriorityQueue<long[]> queue =
                new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        queue.add(new long[] {0, source});
        boolean[] done = new boolean[vertices];
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int u = (int) head[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            if (u == goal) {
                break;
            }
            boolean fromColumn = u >= rows;
            int count = fromColumn ? rows : sexes + 1;
            for (int k = 0; k < count; k++) {
                int a = fromColumn ? k : u;
                int s = fromColumn ? u - rows : k;
                if (grand(a, s) || (a == h && s == column)) {
                    continue;
                }
                if (u == source && inLine[a]) {
                    continue;
                }
                int v = fromColumn ? a : rows + s;
                if (done[v]) {
                    continue;
                }
                long moveY = fromColumn ? -t : t;
                if (!canMove(a, s, sign(a, s) * moveY)) {
                    continue;
                }
                long next = dist[u] + cost(a, s);
                if (next < dist[v]) {
                    dist[v] = next;
                    fromVertex[v] = u;
                    queue.add(new long[] {next, v});
                }
            }
        }
        if (dist[goal] == Long.MAX_VALUE) {
            return null;
        }
        List<int[]> cells = new ArrayList<>();
        cells.add(new int[] {h, column});
        for (int v = goal; v != source; v = fromVertex[v]) {
            int u = fromVertex[v];
            int a = u >= rows ? v : u;
            int s = u >= rows ? u - rows : v - rows;
            cells.add(new int[] {a, s});
        }
        return new Cycle(dist[goal], cells);
    }
}
