package bg.digiclub.collector.report;

import java.util.Objects;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * A club's exact counts in a month, before suppression: sessions by age band (rows, in
 * {@link AgeBand} order) and sex (columns, in {@link Sex} order), and sessions that used a
 * launcher tile of each category (in {@link TileCategory} order).
 */
public record ClubCounts(long[][] demographics, long[] tileCategories) {
    public ClubCounts {
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(tileCategories, "tileCategories");
        if (demographics.length != AgeBand.values().length) {
            throw new IllegalArgumentException("one row per age band, got " + demographics.length);
        }
        for (long[] row : demographics) {
            if (row.length != Sex.values().length) {
                throw new IllegalArgumentException("one column per sex, got " + row.length);
            }
        }
        if (tileCategories.length != TileCategory.values().length) {
            throw new IllegalArgumentException("one count per tile category, got " + tileCategories.length);
        }
    }

    /** A club with nothing counted in the period. */
    public static ClubCounts none() {
        return new ClubCounts(
                new long[AgeBand.values().length][Sex.values().length], new long[TileCategory.values().length]);
    }
}
