package bg.digiclub.collector.report;

import java.util.List;
import java.util.Objects;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.TileCategory;

/**
 * A club's (or all clubs') published breakdowns of a period of whole months, as the club page and
 * {@code /export.csv} show them: sessions by our age band and sex, and sessions that used a tile of
 * each category. Published by the same month rule as the programme report (docs/collector.md,
 * "Programme report"), so that two overlapping periods cannot be subtracted into a hidden cell; a
 * period of days has none (its totals only), nor has a period of months before it has settled.
 *
 * @param byAgeAndSex rows in {@link AgeBand} order, columns in {@code Sex} order, with margins
 * @param tiles       one cell per {@link TileCategory}, in its order
 */
public record Breakdown(SuppressedTable byAgeAndSex, List<Cell> tiles) {
    public Breakdown {
        Objects.requireNonNull(byAgeAndSex, "byAgeAndSex");
        tiles = List.copyOf(tiles);
        if (byAgeAndSex.rows() != AgeBand.values().length) {
            throw new IllegalArgumentException("one row per age band, got " + byAgeAndSex.rows());
        }
        if (tiles.size() != TileCategory.values().length) {
            throw new IllegalArgumentException("one cell per tile category, got " + tiles.size());
        }
    }
}
