package bg.digiclub.common.link;

/**
 * Whole years of age from {@code from} to {@code to}, both included ({@link Integer#MAX_VALUE}: no
 * upper end): what an age band covers.
 */
public record AgeRange(int from, int to) {
    public AgeRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("an age range from " + from + " to " + to);
        }
    }

    /** Whether every age of {@code other} is in this range. */
    public boolean contains(AgeRange other) {
        return from <= other.from && other.to <= to;
    }
}
