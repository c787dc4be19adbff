package bg.digiclub.collector.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The primary rule of small-count suppression, and the one check it needs where a published count
 * has a single equation beside it.
 *
 * <p>Primary: a count from 1 to 4 is hidden ("<5"); zero is shown (it reveals nothing about a
 * person). Tables are protected by the cycle rule of {@code report.programme.AtomTableSuppression}
 * (docs/collector.md, "Small-count suppression across periods"); what is left here is for counts
 * that add up to no published total (tile counts, {@link #alone}) and for a total published over
 * such counts ({@link #lineLeaks}: the municipality's tile count over its clubs'). The line-by-line
 * table rule that used to live here is gone: it let a hidden number between two cycles of hidden
 * numbers, or two "&lt;5" of 1 on a rectangle, be worked out from the table alone.
 */
public final class SmallCountSuppression {
    /** Counts below this and above zero are hidden. */
    public static final int THRESHOLD = 5;

    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private SmallCountSuppression() {}

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

    /**
     * True if publishing {@code total} exactly beside these already published numbers (which add
     * up to it) would let a reader work out a hidden one: exactly one is hidden, or the hidden
     * ones are pinned to single values by their known ranges (a "&lt;5" is 1-4, an "x" anything
     * from 0).
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

    /** Whether hidden numbers in these ranges that add up to {@code sum} leave any of them a single value. */
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
}
