package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * A reader who knows every published number and solves for the hidden ones by linear programming:
 * unknowns are non-negative counts, each shown number an equation over them (the sum of the counts
 * it covers), each "&lt;5" a bound [1, 4] on such a sum. For any sum of unknowns it finds the least
 * and the greatest value the published numbers allow; when only one whole number lies between, the
 * reader has recovered it.
 *
 * <p>The equations are first reduced (Gauss-Jordan) so that each LP has only the unknowns left
 * free, and only those linked to the asked sum through some constraint: small LPs, the same answer.
 */
final class LinearAttacker {
    private static final double EPS = 1e-9;
    private static final double SLACK = 1e-7;

    private final int unknowns;
    private final double[] feasible;
    /** The reduced equations: pivot unknown -> row (dense) and its right-hand side. */
    private final Map<Integer, double[]> rows = new LinkedHashMap<>();

    private final Map<Integer, Double> rhs = new HashMap<>();
    private final int[] pivotRow;
    private final List<int[]> boundedSums = new ArrayList<>();
    private final List<long[]> bounds = new ArrayList<>();
    private Prepared prepared;

    /**
     * @param feasible a point every published number agrees with (the true counts): the LPs start
     *                 from it. Only a start: the least and greatest values do not depend on it. It
     *                 is there because SimplexSolver's first phase (commons-math3 3.6.1) returns
     *                 wrong optima on some of these LPs (max x1 + x2 with x0 + x2 &lt;= 24, 1 &lt;= x1
     *                 &lt;= 4 gives 4); from a feasible start every constraint is "&lt;= a non-negative
     *                 number" and the solver needs no first phase.
     */
    LinearAttacker(int unknowns, double[] feasible) {
        if (feasible.length != unknowns) {
            throw new IllegalArgumentException("a feasible point needs " + unknowns + " values");
        }
        this.unknowns = unknowns;
        this.feasible = feasible.clone();
        this.pivotRow = new int[unknowns];
        Arrays.fill(pivotRow, -1);
    }

    /** A shown number: the unknowns it sums add up to {@code value}. */
    void exact(int[] sum, long value) {
        prepared = null;
        double[] row = new double[unknowns];
        for (int v : sum) {
            row[v] += 1;
        }
        double right = value;
        for (int v : sum) {
            if (pivotRow[v] >= 0 && row[v] != 0) {
                double factor = row[v];
                double[] basis = rows.get(v);
                for (int j = 0; j < unknowns; j++) {
                    row[j] -= factor * basis[j];
                }
                right -= factor * rhs.get(v);
            }
        }
        int pivot = -1;
        for (int j = 0; j < unknowns; j++) {
            if (Math.abs(row[j]) > EPS && (pivot < 0 || Math.abs(row[j]) > Math.abs(row[pivot]))) {
                pivot = j;
            }
        }
        if (pivot < 0) {
            if (Math.abs(right) > 1e-6) {
                throw new IllegalStateException("the published numbers contradict each other");
            }
            return;
        }
        double p = row[pivot];
        for (int j = 0; j < unknowns; j++) {
            row[j] /= p;
        }
        right /= p;
        for (Map.Entry<Integer, double[]> other : rows.entrySet()) {
            double[] basis = other.getValue();
            double factor = basis[pivot];
            if (factor != 0) {
                for (int j = 0; j < unknowns; j++) {
                    basis[j] -= factor * row[j];
                }
                basis[pivot] = 0;
                rhs.put(other.getKey(), rhs.get(other.getKey()) - factor * right);
            }
        }
        row[pivot] = 1;
        rows.put(pivot, row);
        rhs.put(pivot, right);
        pivotRow[pivot] = pivot;
    }

    /** A "&lt;5" (or any known range): the unknowns it sums add up to between low and high. */
    void between(int[] sum, long low, long high) {
        prepared = null;
        boundedSums.add(sum.clone());
        bounds.add(new long[] {low, high});
    }

    /** The least and greatest value of a sum of unknowns that the published numbers allow. */
    Range range(int[] sum) {
        if (prepared == null) {
            prepared = new Prepared();
        }
        return prepared.range(sum);
    }

    /** What a reader knows of a sum: it lies in [min, max] (max infinite when unbounded). */
    record Range(double min, double max) {
        /** Only one whole number fits: the reader has it. */
        boolean recovered() {
            return Math.ceil(min - 1e-6) >= Math.floor(max + 1e-6);
        }
    }

    /** An affine expression over the free unknowns: constant + sum of coefficient x free unknown. */
    private record Affine(double constant, Map<Integer, Double> terms) {}

    /** A constraint low <= expression <= high over free unknowns. */
    private record Constraint(Affine expression, double low, double high) {}

    /** The equations solved for their pivots, constraints over the free unknowns grouped by link. */
    private final class Prepared {
        private final int[] parent = new int[unknowns];
        private final Map<Integer, Affine> pivots = new HashMap<>();
        private final List<Constraint> constraints = new ArrayList<>();

        Prepared() {
            for (int i = 0; i < unknowns; i++) {
                parent[i] = i;
            }
            for (Map.Entry<Integer, double[]> row : rows.entrySet()) {
                Map<Integer, Double> terms = new HashMap<>();
                double[] r = row.getValue();
                for (int j = 0; j < unknowns; j++) {
                    if (j != row.getKey() && Math.abs(r[j]) > EPS) {
                        terms.put(j, -r[j]);
                    }
                }
                Affine value = new Affine(rhs.get(row.getKey()), terms);
                pivots.put(row.getKey(), value);
                // a pivot unknown is a count too: never negative
                add(new Constraint(value, 0, Double.POSITIVE_INFINITY));
            }
            for (int i = 0; i < boundedSums.size(); i++) {
                add(new Constraint(substitute(boundedSums.get(i)), bounds.get(i)[0], bounds.get(i)[1]));
            }
        }

        private void add(Constraint c) {
            if (c.expression().terms().isEmpty()) {
                return;
            }
            constraints.add(c);
            Integer first = null;
            for (Integer v : c.expression().terms().keySet()) {
                if (first == null) {
                    first = v;
                } else {
                    union(first, v);
                }
            }
        }

        private int find(int v) {
            while (parent[v] != v) {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            return v;
        }

        private void union(int a, int b) {
            parent[find(a)] = find(b);
        }

        private Affine substitute(int[] sum) {
            double constant = 0;
            Map<Integer, Double> terms = new HashMap<>();
            for (int v : sum) {
                Affine pivot = pivots.get(v);
                if (pivot == null) {
                    terms.merge(v, 1.0, Double::sum);
                } else {
                    constant += pivot.constant();
                    pivot.terms().forEach((k, c) -> terms.merge(k, c, Double::sum));
                }
            }
            terms.values().removeIf(c -> Math.abs(c) < EPS);
            return new Affine(constant, terms);
        }

        Range range(int[] sum) {
            Affine target = substitute(sum);
            if (target.terms().isEmpty()) {
                return new Range(target.constant(), target.constant());
            }
            Set<Integer> components = new HashSet<>();
            for (Integer v : target.terms().keySet()) {
                components.add(find(v));
            }
            Map<Integer, Integer> index = new LinkedHashMap<>();
            for (int v = 0; v < unknowns; v++) {
                if (pivots.get(v) == null && components.contains(find(v))) {
                    index.put(v, index.size());
                }
            }
            // y = x - feasible: every constraint becomes "a.y <= a non-negative number"
            double[] start = new double[index.size()];
            index.forEach((v, i) -> start[i] = feasible[v]);
            List<LinearConstraint> lp = new ArrayList<>();
            for (Constraint c : constraints) {
                Integer any = c.expression().terms().keySet().iterator().next();
                if (!components.contains(find(any))) {
                    continue;
                }
                double[] coefficients = dense(c.expression(), index);
                double at = c.expression().constant() + dot(coefficients, start);
                if (c.low() > Double.NEGATIVE_INFINITY) {
                    lp.add(new LinearConstraint(
                            negate(coefficients), Relationship.LEQ, Math.max(0, at - c.low()) + SLACK));
                }
                if (c.high() < Double.POSITIVE_INFINITY) {
                    lp.add(new LinearConstraint(coefficients, Relationship.LEQ, Math.max(0, c.high() - at) + SLACK));
                }
            }
            for (int i = 0; i < start.length; i++) {
                double[] unit = new double[start.length];
                unit[i] = -1;
                lp.add(new LinearConstraint(unit, Relationship.LEQ, start[i] + SLACK));
            }
            double[] objective = dense(target, index);
            double base = target.constant() + dot(objective, start);
            double min = optimise(objective, lp, GoalType.MINIMIZE);
            double max = optimise(objective, lp, GoalType.MAXIMIZE);
            return new Range(base + min, base + max);
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }

        private static double[] negate(double[] a) {
            double[] n = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                n[i] = -a[i];
            }
            return n;
        }

        private double[] dense(Affine expression, Map<Integer, Integer> index) {
            double[] coefficients = new double[index.size()];
            expression.terms().forEach((v, c) -> coefficients[index.get(v)] = c);
            return coefficients;
        }

        private double optimise(double[] objective, List<LinearConstraint> lp, GoalType goal) {
            try {
                PointValuePair best = new SimplexSolver()
                        .optimize(
                                new MaxIter(100_000),
                                new LinearObjectiveFunction(objective, 0),
                                new LinearConstraintSet(lp),
                                goal,
                                new NonNegativeConstraint(false));
                return best.getValue();
            } catch (UnboundedSolutionException e) {
                return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
        }
    }
}
