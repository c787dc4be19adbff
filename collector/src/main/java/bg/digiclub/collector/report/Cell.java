package bg.digiclub.collector.report;

/**
 * One published number of a demographic table.
 *
 * @param value the exact count (never shown when hidden)
 * @param shown how it may be shown
 */
public record Cell(long value, Visibility shown) {
    /** How a cell may be shown. */
    public enum Visibility {
        /** The exact number. */
        EXACT,
        /** Hidden because it is between 1 and 4: shown as "<5". */
        SMALL,
        /** Hidden so that a small hidden cell cannot be worked out from totals: shown as "x". */
        COMPLEMENTARY
    }

    /** The same count hidden as "x": withheld, or hidden so that nothing around it tells it. */
    public Cell asHidden() {
        return new Cell(value, Visibility.COMPLEMENTARY);
    }

    /** The text to publish: the number, "<5" or "x". */
    public String text() {
        return switch (shown) {
            case EXACT -> Long.toString(value);
            case SMALL -> "<5";
            case COMPLEMENTARY -> "x";
        };
    }
}
