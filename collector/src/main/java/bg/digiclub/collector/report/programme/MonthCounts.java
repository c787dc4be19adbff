package bg.digiclub.collector.report.programme;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One month's exact counts of the clubs of a scope, as {@link VisitPublication} takes them: the month
 * is the unit the suppression pattern is decided on (docs/collector.md, "Small-count suppression
 * across periods").
 *
 * @param month        the calendar month
 * @param visitsByClub per club id, visits by atom (rows, see {@link RowScheme}) and {@link
 *                     bg.digiclub.common.link.Sex} (columns, {@code Sex.ordinal()})
 * @param tilesByClub  per club id, the sessions that opened a tile of each category ({@code
 *                     TileCategory.ordinal()}); the same clubs as {@code visitsByClub}. Clubs keep
 *                     the order given (the published map lists them in it)
 */
public record MonthCounts(YearMonth month, Map<String, long[][]> visitsByClub, Map<String, long[]> tilesByClub) {
    public MonthCounts {
        Objects.requireNonNull(month, "month");
        visitsByClub = new LinkedHashMap<>(Objects.requireNonNull(visitsByClub, "visitsByClub"));
        tilesByClub = new LinkedHashMap<>(Objects.requireNonNull(tilesByClub, "tilesByClub"));
        if (!visitsByClub.keySet().equals(tilesByClub.keySet())) {
            throw new IllegalArgumentException(month + ": visits and tile counts must name the same clubs, not "
                    + visitsByClub.keySet() + " and " + tilesByClub.keySet());
        }
        for (Map.Entry<String, long[][]> club : visitsByClub.entrySet()) {
            for (long[] row : club.getValue()) {
                for (long v : row) {
                    if (v < 0) {
                        throw new IllegalArgumentException(
                                month + ", club " + club.getKey() + ": a count cannot be negative: " + v);
                    }
                }
            }
        }
        for (Map.Entry<String, long[]> club : tilesByClub.entrySet()) {
            for (long v : club.getValue()) {
                if (v < 0) {
                    throw new IllegalArgumentException(
                            month + ", club " + club.getKey() + ": a tile count cannot be negative: " + v);
                }
            }
        }
        visitsByClub = Collections.unmodifiableMap(visitsByClub);
        tilesByClub = Collections.unmodifiableMap(tilesByClub);
    }
}
