package bg.digiclub.collector.report.programme;

import java.util.List;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;

/**
 * How a published figure that is a sum of already protected parts is shown: exactly only if every
 * part is shown exactly, so that it tells a reader nothing the parts do not (docs/collector.md,
 * "Small-count suppression across periods"). A period's cell is such a sum of its months' cells, a
 * municipality's visit cell of its clubs' cells, a report row of its atoms.
 */
final class StablePattern {
    private StablePattern() {}

    /**
     * The sum of {@code parts}: exact if all of them are; else hidden, as "&lt;5" only when that
     * says no more than the parts do (exactly one part is hidden, it is "&lt;5" and the others are
     * 0), else "x". A "&lt;5" over two hidden parts would tell a reader that they add up to at most
     * 4, which with each part at least 1 can pin them (four months of 1 make a period of 4).
     */
    static Cell sum(List<Cell> parts) {
        long value = 0;
        int hidden = 0;
        Cell lastHidden = null;
        for (Cell part : parts) {
            value += part.value();
            if (part.shown() != Cell.Visibility.EXACT) {
                hidden++;
                lastHidden = part;
            }
        }
        if (hidden == 0) {
            return new Cell(value, Cell.Visibility.EXACT);
        }
        boolean small = hidden == 1 && lastHidden.shown() == Cell.Visibility.SMALL && value == lastHidden.value();
        return new Cell(value, small ? Cell.Visibility.SMALL : Cell.Visibility.COMPLEMENTARY);
    }

    /**
     * A tile count of all clubs of one month over the clubs' counts, which are protected alone (a
     * session may open several categories, so tile counts add up to no total): exact when no
     * club's count is hidden, or when several are and the total pins none of them (the existing
     * across-clubs rule, {@link SmallCountSuppression#lineLeaks}); else hidden, labelled as by
     * {@link #sum}. One equation with each part in [1, 4] is all a reader gets per category and
     * month, and {@code lineLeaks} decides exactly whether it pins a part.
     */
    static Cell acrossClubs(List<Cell> parts) {
        Cell sum = sum(parts);
        if (sum.shown() == Cell.Visibility.EXACT) {
            return sum;
        }
        boolean small = sum.value() > 0 && sum.value() < SmallCountSuppression.THRESHOLD;
        if (!small && !SmallCountSuppression.lineLeaks(sum.value(), parts)) {
            return new Cell(sum.value(), Cell.Visibility.EXACT);
        }
        return sum;
    }
}
