package bg.digiclub.collector.report.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import bg.digiclub.collector.report.Cell;

/**
 * When a period's breakdowns may be published: once its last month has <em>settled</em>, that is
 * ended and {@link #DAYS} more days passed for PCs that upload late. A month still filling up
 * changes between two readings, and the difference of two readings of the same month is a count of
 * the visits in between, however small: breakdowns of a period that has not settled are therefore
 * all withheld ("x"); its totals stay exact. (The same rule as "a period's cell is shown only if
 * every month shows it": a month that has not settled shows nothing yet.)
 */
final class SettledMonths {
    /** Days after a month's end before its breakdowns are published: a PC offline for a few days catches up. */
    static final int DAYS = 5;

    private SettledMonths() {}

    /**
     * The day a reading at {@code now} counts as: the UTC date, so that the programme report, its API and
     * the dashboard agree on whether a period has settled.
     */
    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Whether every month of the period has settled by {@code today}. */
    static boolean settled(ReportPeriod period, LocalDate today) {
        return !today.isBefore(shownFrom(period));
    }

    /** The first day on which the period has settled: its breakdowns are published from then on. */
    static LocalDate shownFrom(ReportPeriod period) {
        return period.lastDay().plusDays(DAYS + 1);
    }

    /** The visits with every breakdown hidden: the grand total stays, every other number is "x". */
    static ClubVisits withheld(ClubVisits visits) {
        ProgrammeReport.AgeSexTable table = visits.byAgeAndSex();
        List<ProgrammeReport.TileUse> tiles = visits.tiles().stream()
                .map(u -> new ProgrammeReport.TileUse(u.category(), u.sessions().asHidden()))
                .toList();
        return new ClubVisits(
                new ProgrammeReport.AgeSexTable(
                        table.rows(), table.columns(), table.table().map(Cell::asHidden)),
                visits.youth().asHidden(),
                tiles);
    }
}
