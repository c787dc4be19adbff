package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;
import bg.digiclub.common.link.Sex;

/**
 * A reader with a linear-programming solver attacking a year's member tables: the unknowns are the
 * distinct members of every (club, period, atom, sex); every published number of every table of the
 * family (every club and the municipality, every month, quarter, half and the year) is an equation
 * (shown), a range 1-4 ("&lt;5") or a floor of 0 ("x"); every period lies between the largest of its
 * parts and their sum, atom by atom — which covers every pair of overlapping calendar periods (they
 * are always nested). For each hidden number, and for each count of one atom inside a row (no
 * published number, but a difference of two could give it), the smallest and largest values the
 * system allows: a hidden number whose range holds a single whole number other than 0 is pinned (a
 * hidden 0 worked out tells nothing a shown 0 would not); so is such a count of 1-4.
 *
 * <p>Unknowns the equations fix outright (a shown 0 fixes all its unknowns, an equation with one
 * unknown left fixes it) are substituted first, so the solver sees only what is really open.
 */
final class MemberAttacker {
    private static final int SEXES = Sex.values().length;
    private static final double INFINITE = Double.POSITIVE_INFINITY;

    /** A number the reader can work out although it is hidden. */
    record Finding(String what, double min, double max) {}

    /** {unknowns, low, high}: low <= sum of the unknowns <= high. */
    private record Sum(int[] unknowns, double low, double high, String what, long tableTotal) {}

    private final MemberPublication.Layout layout;
    private final int clubs;
    private final int perTable;
    private final List<Sum> sums = new ArrayList<>();
    /** {whole, part, part...}: whole >= each part, whole <= their sum. */
    private final List<int[]> nested = new ArrayList<>();

    private final double[] fixed;
    private final MemberPublication.FamilyTables tables;

    MemberAttacker(MemberPublication.FamilyTables tables, MemberPublication.Layout layout) {
        this.tables = tables;
        this.layout = layout;
        this.clubs = layout.clubs;
        this.perTable = layout.atoms * SEXES;
        this.fixed = new double[clubs * YearFamily.SIZE * perTable];
        Arrays.fill(fixed, Double.NaN);
        for (int s = 0; s < layout.scopes; s++) {
            for (int p = 0; p < YearFamily.SIZE; p++) {
                for (int pos = 0; pos < layout.positions(); pos++) {
                    Cell cell = layout.cell(tables.of(s, p), pos);
                    int[] unknowns = unknowns(s, p, layout.mask(pos));
                    String what = "scope " + s + " period " + p + " position " + pos;
                    long total = tables.of(s, p).table().grandTotal().value();
                    switch (cell.shown()) {
                        case EXACT -> sums.add(new Sum(unknowns, cell.value(), cell.value(), what, total));
                        case SMALL -> sums.add(new Sum(unknowns, 1, SmallCountSuppression.THRESHOLD - 1, what, total));
                        case COMPLEMENTARY -> sums.add(new Sum(unknowns, 0, INFINITE, what, total));
                    }
                }
            }
        }
        for (int p = 0; p < YearFamily.SIZE; p++) {
            int[] children = YearFamily.children(p);
            for (int c = 0; c < clubs && children.length > 0; c++) {
                for (int u = 0; u < perTable; u++) {
                    int[] relation = new int[children.length + 1];
                    relation[0] = unknown(c, p, u);
                    for (int i = 0; i < children.length; i++) {
                        relation[i + 1] = unknown(c, children[i], u);
                    }
                    nested.add(relation);
                }
            }
        }
        presolve();
    }

    private int unknown(int club, int period, int u) {
        return (club * YearFamily.SIZE + period) * perTable + u;
    }

    private int[] unknowns(int scope, int period, long mask) {
        List<Integer> list = new ArrayList<>();
        for (int c = scope == clubs ? 0 : scope; c < (scope == clubs ? clubs : scope + 1); c++) {
            for (int u = 0; u < perTable; u++) {
                if ((mask & (1L << u)) != 0) {
                    list.add(unknown(c, period, u));
                }
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The free unknowns once the equations are solved: the solver's columns. */
    int open() {
        inequalities();
        return freeCount;
    }

    /** A number to try: its unknowns, and whether it only counts when it is 1-4. */
    private record Target(int[] unknowns, boolean onlySmall, String what, long tableTotal) {}

    /**
     * Every pinned hidden number, and every pinned count of 1-4 of one atom inside a row. A number
     * seen with two different values in solutions of the system is not pinned; only the others are
     * minimised and maximised (most numbers are told apart by a few solutions in random directions).
     */
    List<Finding> attack() {
        List<Target> targets = new ArrayList<>();
        for (Sum sum : sums) {
            if (sum.low() != sum.high()) {
                targets.add(new Target(sum.unknowns(), false, "hidden " + sum.what(), sum.tableTotal()));
            }
        }
        for (int s = 0; s < layout.scopes; s++) {
            for (int p = 0; p < YearFamily.SIZE; p++) {
                for (int a = 0; a < layout.atoms; a++) {
                    if (aloneInRow(a)) {
                        continue;
                    }
                    long atomMask = ((1L << SEXES) - 1) << (a * SEXES);
                    List<Long> masks = new ArrayList<>(List.of(atomMask));
                    for (int sex = 0; sex < SEXES; sex++) {
                        masks.add(1L << (a * SEXES + sex));
                    }
                    for (long mask : masks) {
                        targets.add(new Target(
                                unknowns(s, p, mask),
                                true,
                                "atom " + a + " mask " + Long.toBinaryString(mask) + " of scope " + s + " period " + p,
                                tables.of(s, p).table().grandTotal().value()));
                    }
                }
            }
        }
        List<double[]> points = samples(24);
        List<Finding> findings = new ArrayList<>();
        for (Target target : targets) {
            double[] e = expression(target.unknowns(), new int[0]);
            double first = Double.NaN;
            boolean differs = false;
            for (double[] point : points) {
                double v = value(e, point);
                if (Double.isNaN(first)) {
                    first = v;
                } else if (Math.abs(v - first) > 0.5) {
                    differs = true;
                    break;
                }
            }
            if (differs) {
                continue;
            }
            double[] range = range(target.unknowns());
            boolean small = range[0] > 0.5 && range[0] < SmallCountSuppression.THRESHOLD - 0.5;
            // a hidden number worked out to be 0 tells nothing a shown 0 would not; one worked out to be
            // its table's (exact) total says only that every member of the table is in it, which shown
            // zeros say (the same zeros in a larger period of the family: a group, not a cell, disclosed)
            boolean everyone = Math.abs(range[0] - target.tableTotal()) < 0.5;
            if (pinned(range) && range[0] > 0.5 && !everyone && (!target.onlySmall() || small)) {
                findings.add(new Finding(target.what(), range[0], range[1]));
            }
        }
        return findings;
    }

    private double value(double[] e, double[] point) {
        double v = e[freeCount];
        for (int k = 0; k < freeCount; k++) {
            v += e[k] * point[k];
        }
        return v;
    }

    /** Solutions of the system in random directions (a fixed seed: the test is repeatable). */
    private List<double[]> samples(int count) {
        List<LinearConstraint> constraints = inequalities();
        List<double[]> points = new ArrayList<>();
        if (freeCount == 0) {
            return points;
        }
        Random random = new Random(freeCount);
        for (int i = 0; i < count; i++) {
            double[] direction = new double[freeCount];
            for (int k = 0; k < freeCount; k++) {
                direction[k] = random.nextInt(3) - 1;
            }
            try {
                points.add(new SimplexSolver()
                        .optimize(
                                new MaxIter(100_000),
                                new LinearObjectiveFunction(direction, 0),
                                new LinearConstraintSet(constraints),
                                GoalType.MAXIMIZE,
                                new NonNegativeConstraint(true),
                                PivotSelectionRule.DANTZIG)
                        .getPoint());
            } catch (UnboundedSolutionException e) {
                // that direction has no end: another will do
            }
        }
        return points;
    }

    private boolean aloneInRow(int atom) {
        for (int other = 0; other < layout.atoms; other++) {
            if (other != atom && layout.rowOfAtom[other] == layout.rowOfAtom[atom]) {
                return false;
            }
        }
        return true;
    }

    private static boolean pinned(double[] range) {
        return Math.ceil(range[0] - 1e-6) >= Math.floor(range[1] + 1e-6);
    }

    /** Unknowns an equation fixes outright, substituted until nothing changes. */
    private void presolve() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                if (sum.low() != sum.high()) {
                    continue;
                }
                double rest = sum.low();
                List<Integer> open = new ArrayList<>();
                for (int u : sum.unknowns()) {
                    if (Double.isNaN(fixed[u])) {
                        open.add(u);
                    } else {
                        rest -= fixed[u];
                    }
                }
                if (open.size() == 1 || (!open.isEmpty() && rest == 0)) {
                    for (int u : open) {
                        fixed[u] = open.size() == 1 ? rest : 0;
                    }
                    changed = true;
                }
            }
            for (int[] r : nested) {
                // a period of 0 has parts of 0
                if (fixed[r[0]] == 0) {
                    for (int i = 1; i < r.length; i++) {
                        if (Double.isNaN(fixed[r[i]])) {
                            fixed[r[i]] = 0;
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * The open unknowns in terms of fewer: the equations (shown numbers) solved by Gaussian elimination,
     * each open unknown as a constant plus a combination of the free ones ({@code null} until built).
     */
    private double[][] expressed;

    private int freeCount;

    private void eliminate() {
        int[] column = new int[fixed.length];
        Arrays.fill(column, -1);
        int columns = 0;
        for (int u = 0; u < fixed.length; u++) {
            if (Double.isNaN(fixed[u])) {
                column[u] = columns++;
            }
        }
        // rows: coefficients over the open unknowns, then the right-hand side
        List<double[]> rows = new ArrayList<>();
        for (Sum sum : sums) {
            if (sum.low() != sum.high()) {
                continue;
            }
            double[] row = new double[columns + 1];
            double rest = sum.low();
            boolean any = false;
            for (int u : sum.unknowns()) {
                if (column[u] >= 0) {
                    row[column[u]] += 1;
                    any = true;
                } else {
                    rest -= fixed[u];
                }
            }
            if (any) {
                row[columns] = rest;
                rows.add(row);
            }
        }
        int[] pivotOfColumn = new int[columns];
        Arrays.fill(pivotOfColumn, -1);
        int rank = 0;
        for (int col = 0; col < columns && rank < rows.size(); col++) {
            int best = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[col]) > 1e-9
                        && (best < 0 || Math.abs(rows.get(r)[col]) > Math.abs(rows.get(best)[col]))) {
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] pivot = rows.get(best);
            rows.set(best, rows.get(rank));
            rows.set(rank, pivot);
            double factor = pivot[col];
            for (int k = 0; k <= columns; k++) {
                pivot[k] /= factor;
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] row = rows.get(r);
                if (r != rank && Math.abs(row[col]) > 1e-12) {
                    double f = row[col];
                    for (int k = 0; k <= columns; k++) {
                        row[k] -= f * pivot[k];
                    }
                }
            }
            pivotOfColumn[col] = rank;
            rank++;
        }
        // the free columns: those without a pivot
        int[] freeIndex = new int[columns];
        int free = 0;
        for (int col = 0; col < columns; col++) {
            freeIndex[col] = pivotOfColumn[col] < 0 ? free++ : -1;
        }
        freeCount = free;
        expressed = new double[fixed.length][];
        for (int u = 0; u < fixed.length; u++) {
            double[] e = new double[free + 1];
            if (column[u] < 0) {
                e[free] = fixed[u];
            } else if (freeIndex[column[u]] >= 0) {
                e[freeIndex[column[u]]] = 1;
            } else {
                double[] row = rows.get(pivotOfColumn[column[u]]);
                e[free] = row[columns];
                for (int col = 0; col < columns; col++) {
                    if (freeIndex[col] >= 0) {
                        e[freeIndex[col]] = -row[col];
                    }
                }
            }
            expressed[u] = e;
        }
    }

    /** A sum of unknowns in terms of the free ones: coefficients, then the constant. */
    private double[] expression(int[] plus, int[] minus) {
        double[] e = new double[freeCount + 1];
        for (int u : plus) {
            for (int k = 0; k <= freeCount; k++) {
                e[k] += expressed[u][k];
            }
        }
        for (int u : minus) {
            for (int k = 0; k <= freeCount; k++) {
                e[k] -= expressed[u][k];
            }
        }
        return e;
    }

    private List<LinearConstraint> inequalities;

    /** Every constraint that is not an equation, over the free unknowns (the equations hold by construction). */
    private List<LinearConstraint> inequalities() {
        if (inequalities != null) {
            return inequalities;
        }
        eliminate();
        List<LinearConstraint> list = new ArrayList<>();
        for (int u = 0; u < fixed.length; u++) {
            if (Double.isNaN(fixed[u])) {
                add(list, expression(new int[] {u}, new int[0]), Relationship.GEQ, 0);
            }
        }
        for (Sum sum : sums) {
            if (sum.low() == sum.high()) {
                continue;
            }
            double[] e = expression(sum.unknowns(), new int[0]);
            add(list, e, Relationship.GEQ, sum.low());
            if (sum.high() < INFINITE) {
                add(list, e, Relationship.LEQ, sum.high());
            }
        }
        for (int[] r : nested) {
            for (int i = 1; i < r.length; i++) {
                add(list, expression(new int[] {r[0]}, new int[] {r[i]}), Relationship.GEQ, 0);
            }
            add(list, expression(new int[] {r[0]}, Arrays.copyOfRange(r, 1, r.length)), Relationship.LEQ, 0);
        }
        inequalities = list;
        return list;
    }

    /** expression (relation) value, unless it holds whatever the free unknowns are (no coefficient). */
    private void add(List<LinearConstraint> list, double[] e, Relationship relation, double value) {
        double[] coefficients = Arrays.copyOf(e, freeCount);
        boolean any = false;
        for (double c : coefficients) {
            if (Math.abs(c) > 1e-9) {
                any = true;
            }
        }
        if (any) {
            list.add(new LinearConstraint(coefficients, relation, value - e[freeCount]));
        }
    }

    /** The smallest and largest value of a sum of unknowns the system allows. */
    private double[] range(int[] target) {
        List<LinearConstraint> constraints = inequalities();
        double[] e = expression(target, new int[0]);
        boolean open = false;
        for (int k = 0; k < freeCount; k++) {
            if (Math.abs(e[k]) > 1e-9) {
                open = true;
            }
        }
        if (!open) {
            return new double[] {e[freeCount], e[freeCount]};
        }
        LinearObjectiveFunction f = new LinearObjectiveFunction(Arrays.copyOf(e, freeCount), e[freeCount]);
        double min = solve(f, constraints, GoalType.MINIMIZE);
        double max = solve(f, constraints, GoalType.MAXIMIZE);
        return new double[] {min, max};
    }

    private static double solve(LinearObjectiveFunction f, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair best = new SimplexSolver()
                    .optimize(
                            new MaxIter(100_000),
                            f,
                            new LinearConstraintSet(constraints),
                            goal,
                            new NonNegativeConstraint(true),
                            PivotSelectionRule.DANTZIG);
            return best.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? INFINITE : Double.NEGATIVE_INFINITY;
        }
    }
}
