package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.Sex;

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
 * <p>The older line-by-line rule (it made sure each line has no or two or more hidden numbers, and was
 * removed for this) is not enough: two "&lt;5" cells of 1 in different rows and columns, with
 * their margins hidden, form one cycle on which the two move in opposite directions, so both are
 * pinned to 1. The cycle test catches that, and also a hidden number between two cycles that lies on
 * none itself (a bridge), which the line equations fix whatever the bounds.
 *
 * <p>Visits ({@link VisitPublication}) and members ({@link MemberPublication}) are published through it:
 * {@link #protect(long[][], RowScheme, List)} protects a table of atoms and rolls it up into the
 * published rows and the youth line, each shown only where all its atoms are ({@link StablePattern}).
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
     * A table of atoms protected and rolled up into what is published.
     *
     * @param table rows x sexes by the scheme's rows, with row and sex totals and the exact grand total
     * @param youth the youth line
     */
    record Rows(SuppressedTable table, Cell youth) {
        Rows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(youth, "youth");
        }
    }

    /**
     * The protected table, rolled up by the scheme: a row's cell (or total) is the sum of its atoms',
     * the youth line the sum of the youth atoms' totals, each shown only where all its parts are.
     *
     * @param counts [atom][sex] by the scheme's atoms, none negative
     * @param hidden figures that must be published hidden whatever their counts (another table would
     *               give them away): each a line of {@link #lines(RowScheme)}, a single atom's number,
     *               or a sex total ({@link #sexTotal})
     */
    static Rows protect(long[][] counts, RowScheme scheme, List<Line> hidden) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(hidden, "hidden");
        if (counts.length != scheme.atoms()) {
            throw new IllegalArgumentException("counts have " + counts.length + " atoms, the scheme " + scheme.atoms());
        }
        for (long[] atom : counts) {
            if (atom.length != Sex.values().length) {
                throw new IllegalArgumentException(
                        "counts need " + Sex.values().length + " sexes per atom, not " + atom.length);
            }
        }
        Cell[][] atomCells = protect(counts, lines(scheme), hidden);
        int atoms = scheme.atoms();
        int sexes = atomCells[0].length - 1;
        int[] rowOfAtom = scheme.rowOfAtom();
        Cell[][] cells = new Cell[scheme.rows()][sexes];
        Cell[] rowTotals = new Cell[scheme.rows()];
        for (int r = 0; r < scheme.rows(); r++) {
            for (int s = 0; s <= sexes; s++) {
                List<Cell> parts = new ArrayList<>();
                for (int a = 0; a < atoms; a++) {
                    if (rowOfAtom[a] == r) {
                        parts.add(atomCells[a][s]);
                    }
                }
                Cell cell = StablePattern.sum(parts);
                if (s == sexes) {
                    rowTotals[r] = cell;
                } else {
                    cells[r][s] = cell;
                }
            }
        }
        boolean[] youth = scheme.youthAtom();
        List<Cell> youthParts = new ArrayList<>();
        for (int a = 0; a < atoms; a++) {
            if (youth[a]) {
                youthParts.add(atomCells[a][sexes]);
            }
        }
        return new Rows(
                new SuppressedTable(cells, rowTotals, Arrays.copyOf(atomCells[atoms], sexes), atomCells[atoms][sexes]),
                StablePattern.sum(youthParts));
    }

    /**
     * The published lines of a scheme that sum more than one atom: rows of several atoms (per sex and
     * their totals), youth.
     */
    static List<Line> lines(RowScheme scheme) {
        int sexes = Sex.values().length;
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < scheme.rows(); r++) {
            Line row = row(scheme, r, sexes);
            if (row.atoms().length > 1) {
                for (int s = 0; s <= sexes; s++) {
                    lines.add(row(scheme, r, s));
                }
            }
        }
        int[] youthAtoms = youthAtoms(scheme);
        if (youthAtoms.length > 1) {
            lines.add(new Line(sexes, youthAtoms));
        }
        return lines;
    }

    /** A row's cell of one sex ({@code column} a sex's index) or its total ({@code column} the number of sexes). */
    static Line row(RowScheme scheme, int row, int column) {
        int[] rowOfAtom = scheme.rowOfAtom();
        return new Line(column, atomsWhere(rowOfAtom.length, a -> rowOfAtom[a] == row));
    }

    /** The youth line: the youth atoms' totals (a scheme with a youth line: at least one youth atom). */
    static Line youth(RowScheme scheme) {
        return new Line(Sex.values().length, youthAtoms(scheme));
    }

    private static int[] youthAtoms(RowScheme scheme) {
        boolean[] youth = scheme.youthAtom();
        return atomsWhere(youth.length, a -> youth[a]);
    }

    /** A sex's total over every atom (the table's margin row). */
    static Line sexTotal(RowScheme scheme, int sex) {
        return new Line(sex, new int[] {scheme.atoms()});
    }

    private static int[] atomsWhere(int atoms, IntPredicate test) {
        return IntStream.range(0, atoms).filter(test).toArray();
    }

    /**
     * The protected table of atoms.
     *
     * @param counts [atom][sex], none negative
     * @param lines  the published lines that sum more than one atom: per line its column (a sex,
     *               or {@code sexes} for totals) and its atoms
     * @param hidden figures published hidden whatever their counts: at least one number of each is hidden
     *               (the cheapest), and each is protected like a hidden number
     * @return (atoms + 1) x (sexes + 1) cells, margins last
     */
    private static Cell[][] protect(long[][] counts, List<Line> lines, List<Line> hidden) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one atom and one sex");
        }
        AtomTableSuppression table = new AtomTableSuppression(counts);
        List<Line> targets = new ArrayList<>(lines);
        for (Line line : hidden) {
            table.hideOneOf(line);
            targets.add(line);
        }
        table.run(targets);
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
     * @param atoms  the atoms it sums (the number of atoms: the margin row, the column's total)
     */
    record Line(int column, int[] atoms) {
        Line {
            Objects.requireNonNull(atoms, "atoms");
            if (atoms.length == 0) {
                throw new IllegalArgumentException("a line sums at least one atom");
            }
        }
    }

    private boolean grand(int a, int s) {
        return a == atoms && s == sexes;
    }

    /** Hides the cheapest number of a line none of whose numbers is hidden yet (never the grand total). */
    private void hideOneOf(Line line) {
        int cheapest = -1;
        for (int a : line.atoms()) {
            if (grand(a, line.column())) {
                throw new IllegalArgumentException("the grand total is always shown");
            }
            if (shown[a][line.column()] != Cell.Visibility.EXACT) {
                return;
            }
            if (cheapest < 0 || cost(a, line.column()) < cost(cheapest, line.column())) {
                cheapest = a;
            }
        }
        shown[cheapest][line.column()] = Cell.Visibility.COMPLEMENTARY;
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
