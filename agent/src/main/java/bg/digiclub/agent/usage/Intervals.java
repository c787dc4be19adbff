package bg.digiclub.agent.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A union of time intervals, for "how many minutes of this hour was a session running / the
 * agent running". Overlaps count once, so an hour never has more than 60 minutes.
 */
final class Intervals {
    /** Merged, sorted, non-overlapping [start, end) pairs in epoch milliseconds. */
    private final List<long[]> merged;

    private Intervals(List<long[]> merged) {
        this.merged = merged;
    }

    /** The union of the given [start, end) intervals (epoch ms); empty intervals are ignored. */
    static Intervals union(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>();
        for (long[] i : intervals) {
            if (i[1] > i[0]) {
                sorted.add(new long[] {i[0], i[1]});
            }
        }
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] i : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i[0] <= last[1]) {
                last[1] = Math.max(last[1], i[1]);
            } else {
                out.add(i);
            }
        }
        return new Intervals(out);
    }

    /** Milliseconds of the union inside [from, to). */
    long coveredMillis(Instant from, Instant to) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        long sum = 0;
        for (long[] i : merged) {
            long s = Math.max(i[0], f);
            long e = Math.min(i[1], t);
            if (e > s) {
                sum += e - s;
            }
        }
        return sum;
    }

    /** Whole minutes of the union inside [from, to), rounded to the nearest minute. */
    int coveredMinutes(Instant from, Instant to) {
        return (int) ((coveredMillis(from, to) + 30_000) / 60_000);
    }
}
