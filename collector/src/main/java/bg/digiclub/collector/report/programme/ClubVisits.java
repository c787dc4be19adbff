package bg.digiclub.collector.report.programme;

import java.util.List;
import java.util.Objects;

import bg.digiclub.collector.report.Cell;

/**
 * The published visit figures of one scope (a club or the municipality) for a period: what a
 * {@link ProgrammeReport} shows of them.
 *
 * @param byAgeAndSex visits by report row and sex, with margins (the grand total exact)
 * @param youth       visits by people who declared an age wholly inside the youth band
 * @param tiles       per tile category, in {@code TileCategory} order, the sessions that opened one
 */
public record ClubVisits(ProgrammeReport.AgeSexTable byAgeAndSex, Cell youth, List<ProgrammeReport.TileUse> tiles) {
    public ClubVisits {
        Objects.requireNonNull(byAgeAndSex, "byAgeAndSex");
        Objects.requireNonNull(youth, "youth");
        tiles = List.copyOf(tiles);
    }
}
