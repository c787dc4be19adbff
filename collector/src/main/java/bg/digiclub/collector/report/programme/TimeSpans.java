package bg.digiclub.collector.report.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of instants as sorted, disjoint, half-open spans {@code [from, to)} of epoch seconds: a
 * club's opening hours over a period, or the time a PC was CRIT. Overlapping or touching spans
 * are merged when the set is made, so {@link #seconds} never counts a second twice.
 */
final class TimeSpans {
    /** One span, {@code from} included, {@code to} not. */
    record Span(long from, long to) {
        Span {
            if (to < from) {
                throw new IllegalArgumentException("a span cannot end (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    private final long[] starts;
    private final long[] ends;

    private TimeSpans(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The union of the spans, in any order, overlapping or not; empty spans are dropped. */
    static TimeSpans of(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.removeIf(s -> s.to() == s.from());
        sorted.sort(Comparator.comparingLong(Span::from));
        long[] starts = new long[sorted.size()];
        long[] ends = new long[sorted.size()];
        int n = 0;
        for (Span s : sorted) {
            if (n > 0 && s.from() <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], s.to());
            } else {
                starts[n] = s.from();
                ends[n] = s.to();
                n++;
            }
        }
        return new TimeSpans(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Seconds of the set inside {@code [from, to)}. */
    long seconds(long from, long to) {
        // the first span that ends after from
        int i = Arrays.binarySearch(ends, from);
        i = i >= 0 ? i + 1 : -i - 1;
        long total = 0;
        for (; i < starts.length && starts[i] < to; i++) {
            total += Math.min(ends[i], to) - Math.max(starts[i], from);
        }
        return total;
    }

    /** Seconds of the whole set. */
    long seconds() {
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            total += ends[i] - starts[i];
        }
        return total;
    }

    /** The instants in both sets. */
    TimeSpans intersect(TimeSpans other) {
        List<Span> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            long from = Math.max(starts[i], other.starts[j]);
            long to = Math.min(ends[i], other.ends[j]);
            if (from < to) {
                both.add(new Span(from, to));
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return of(both);
    }

    /** The instants of this set from {@code from} on. */
    TimeSpans from(long from) {
        return intersect(of(List.of(new Span(from, Long.MAX_VALUE))));
    }

    List<Span> spans() {
        List<Span> spans = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            spans.add(new Span(starts[i], ends[i]));
        }
        return spans;
    }
}
