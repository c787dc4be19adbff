package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader can work out about hidden member counts, by bound propagation: the unknowns are the
 * distinct members of each (club, period, atom, sex); every published number is a node (a set of
 * unknowns with the range the reader knows: its value, 1-4 for "&lt;5", from 0 for "x"); nodes that
 * add up (a line of a table, the municipality over the clubs, a line minus one of its parts) are tied
 * together, and so are the periods of a year: a period's count lies between the largest of its parts'
 * and their sum ({@link YearFamily}). Ranges are narrowed until nothing changes.
 *
 * <p>This is an auditor, not a proof: propagation is weaker than linear programming in general, and
 * the randomised linear-programming attacker in the tests is what shows the published pattern holds.
 */
final class MemberBounds {
    /** Unbounded above. */
    static final long INF = Long.MAX_VALUE / 8;

    private final long[] low;
    private final long[] high;
    private final List<int[]> nodeVariables = new ArrayList<>();
    private final Map<BitSet, Integer> nodeIds = new HashMap<>();
    private long[] nodeLow = new long[64];
    private long[] nodeHigh = new long[64];
    /** {total, part, part...}: the total node is the sum of the part nodes. */
    private final List<int[]> nodeSums = new ArrayList<>();
    /** {big, small}: the big node is at least the small one. */
    private final List<int[]> nodeAtLeast = new ArrayList<>();
    /** {whole, part, part...}: the whole node is at most the sum of the parts. */
    private final List<int[]> nodeAtMost = new ArrayList<>();
    /** {big, small} over unknowns. */
    private final List<int[]> atLeast = new ArrayList<>();
    /** {whole, part, part...} over unknowns. */
    private final List<int[]> atMost = new ArrayList<>();

    MemberBounds(int unknowns) {
        low = new long[unknowns];
        high = new long[unknowns];
        Arrays.fill(high, INF);
    }

    /** The node of a set of unknowns (the same set is always the same node). */
    int node(BitSet unknowns) {
        Integer id = nodeIds.get(unknowns);
        if (id != null) {
            return id;
        }
        int n = nodeVariables.size();
        BitSet key = (BitSet) unknowns.clone();
        nodeIds.put(key, n);
        nodeVariables.add(key.stream().toArray());
        if (n == nodeLow.length) {
            nodeLow = Arrays.copyOf(nodeLow, n * 2);
            nodeHigh = Arrays.copyOf(nodeHigh, n * 2);
        }
        nodeLow[n] = 0;
        nodeHigh[n] = INF;
        return n;
    }

    /** The set of a node's unknowns. */
    BitSet unknowns(int node) {
        BitSet set = new BitSet();
        for (int v : nodeVariables.get(node)) {
            set.set(v);
        }
        return set;
    }

    /** What the reader knows of a node directly (a published number). */
    void bound(int node, long from, long to) {
        nodeLow[node] = Math.max(nodeLow[node], from);
        nodeHigh[node] = Math.min(nodeHigh[node], to);
    }

    /** The total node is the sum of the parts (disjoint, together the total's unknowns). */
    void sum(int total, int... parts) {
        nodeSums.add(relation(total, parts));
    }

    /** The node of {@code whole} minus {@code part} (a subset of it), tied to both. */
    int difference(int whole, int part) {
        BitSet rest = unknowns(whole);
        rest.andNot(unknowns(part));
        int d = node(rest);
        sum(whole, part, d);
        return d;
    }

    /** A period's node and the same node of each of its parts: at least each, at most their sum. */
    void nested(int whole, int[] parts) {
        for (int part : parts) {
            nodeAtLeast.add(new int[] {whole, part});
        }
        nodeAtMost.add(relation(whole, parts));
    }

    /** The same for single unknowns. */
    void nestedUnknowns(int whole, int[] parts) {
        for (int part : parts) {
            atLeast.add(new int[] {whole, part});
        }
        atMost.add(relation(whole, parts));
    }

    /** {@code {whole, part, part...}}: how a sum or an at-most relation is kept. */
    private static int[] relation(int whole, int[] parts) {
        int[] relation = new int[parts.length + 1];
        relation[0] = whole;
        System.arraycopy(parts, 0, relation, 1, parts.length);
        return relation;
    }

    long low(int node) {
        return nodeLow[node];
    }

    long high(int node) {
        return nodeHigh[node];
    }

    /** Narrows every range until nothing changes or {@code maxSweeps} sweeps. */
    void propagate(int maxSweeps) {
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            boolean changed = false;
            for (int n = 0; n < nodeVariables.size(); n++) {
                changed |= nodeAndUnknowns(n);
            }
            for (int[] r : nodeSums) {
                changed |= sumRelation(r, nodeLow, nodeHigh);
            }
            for (int[] r : nodeAtLeast) {
                changed |= atLeastRelation(r, nodeLow, nodeHigh);
            }
            for (int[] r : nodeAtMost) {
                changed |= atMostRelation(r, nodeLow, nodeHigh);
            }
            for (int[] r : atLeast) {
                changed |= atLeastRelation(r, low, high);
            }
            for (int[] r : atMost) {
                changed |= atMostRelation(r, low, high);
            }
            if (!changed) {
                return;
            }
        }
    }

    /** A node is the sum of its unknowns. */
    private boolean nodeAndUnknowns(int n) {
        int[] vars = nodeVariables.get(n);
        long sumLow = 0;
        long sumHigh = 0;
        for (int v : vars) {
            sumLow = add(sumLow, low[v]);
            sumHigh = add(sumHigh, high[v]);
        }
        boolean changed = raise(nodeLow, n, sumLow) | lower(nodeHigh, n, sumHigh);
        for (int v : vars) {
            changed |= lower(high, v, sub(nodeHigh[n], sumLow - low[v]));
            if (sumHigh < INF) {
                changed |= raise(low, v, nodeLow[n] - (sumHigh - high[v]));
            } else if (high[v] >= INF && countUnbounded(vars) == 1) {
                changed |= raise(low, v, nodeLow[n] - finiteSum(vars, v));
            }
        }
        return changed;
    }

    /** r[0] = sum of r[1..]. */
    private static boolean sumRelation(int[] r, long[] lo, long[] hi) {
        long sumLow = 0;
        long sumHigh = 0;
        int unbounded = 0;
        long finiteHigh = 0;
        for (int i = 1; i < r.length; i++) {
            sumLow = add(sumLow, lo[r[i]]);
            sumHigh = add(sumHigh, hi[r[i]]);
            if (hi[r[i]] >= INF) {
                unbounded++;
            } else {
                finiteHigh += hi[r[i]];
            }
        }
        boolean changed = raise(lo, r[0], sumLow) | lower(hi, r[0], sumHigh);
        for (int i = 1; i < r.length; i++) {
            int p = r[i];
            changed |= lower(hi, p, sub(hi[r[0]], sumLow - lo[p]));
            boolean othersUnbounded = unbounded - (hi[p] >= INF ? 1 : 0) > 0;
            if (!othersUnbounded) {
                long othersHigh = finiteHigh - (hi[p] >= INF ? 0 : hi[p]);
                changed |= raise(lo, p, lo[r[0]] - othersHigh);
            }
        }
        return changed;
    }

    /** r[0] >= r[1]. */
    private static boolean atLeastRelation(int[] r, long[] lo, long[] hi) {
        return raise(lo, r[0], lo[r[1]]) | lower(hi, r[1], hi[r[0]]);
    }

    /** r[0] <= sum of r[1..]. */
    private static boolean atMostRelation(int[] r, long[] lo, long[] hi) {
        long sumHigh = 0;
        int unbounded = 0;
        long finiteHigh = 0;
        for (int i = 1; i < r.length; i++) {
            sumHigh = add(sumHigh, hi[r[i]]);
            if (hi[r[i]] >= INF) {
                unbounded++;
            } else {
                finiteHigh += hi[r[i]];
            }
        }
        boolean changed = lower(hi, r[0], sumHigh);
        for (int i = 1; i < r.length; i++) {
            int p = r[i];
            boolean othersUnbounded = unbounded - (hi[p] >= INF ? 1 : 0) > 0;
            if (!othersUnbounded) {
                changed |= raise(lo, p, lo[r[0]] - (finiteHigh - (hi[p] >= INF ? 0 : hi[p])));
            }
        }
        return changed;
    }

    private int countUnbounded(int[] vars) {
        int n = 0;
        for (int v : vars) {
            if (high[v] >= INF) {
                n++;
            }
        }
        return n;
    }

    private long finiteSum(int[] vars, int except) {
        long s = 0;
        for (int v : vars) {
            if (v != except) {
                s = add(s, high[v]);
            }
        }
        return s;
    }

    private static boolean raise(long[] lo, int i, long value) {
        if (value > lo[i]) {
            lo[i] = value;
            return true;
        }
        return false;
    }

    private static boolean lower(long[] hi, int i, long value) {
        if (value < hi[i]) {
            hi[i] = value;
            return true;
        }
        return false;
    }

    private static long add(long a, long b) {
        return a >= INF || b >= INF ? INF : Math.min(INF, a + b);
    }

    private static long sub(long a, long b) {
        return a >= INF ? INF : a - b;
    }
}
