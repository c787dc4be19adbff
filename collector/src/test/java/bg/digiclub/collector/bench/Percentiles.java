package bg.digiclub.collector.bench;

import java.util.Arrays;

/**
 * Percentiles of a benchmark's measurements by the nearest-rank method: the p-th percentile of n
 * sorted values is the value at rank ceil(p/100 x n), so the p95 of 100 runs is the 95th
 * (five runs were slower) and never silently the maximum. Below 20 values a p95 would be the
 * maximum; {@link #percentile} refuses such a question, and the benchmarks print the maximum by its name.
 */
final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** The values (copied, then sorted); at least one. */
    static Percentiles of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The nearest-rank percentile, 0 < p < 100, of at least enough values that it is not the maximum. */
    long percentile(double p) {
        if (!(p > 0 && p < 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, not " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        if (rank >= sorted.length && p > 50) {
            throw new IllegalArgumentException("the p" + p + " of " + sorted.length
                    + " values is their maximum: take at least " + minimumCount(p) + " values");
        }
        return sorted[Math.max(0, rank - 1)];
    }

    long median() {
        return percentile(50);
    }

    long max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    /** The fewest values for which the p-th percentile is not the maximum. */
    static int minimumCount(double p) {
        return (int) Math.ceil(100 / (100 - p));
    }
}
