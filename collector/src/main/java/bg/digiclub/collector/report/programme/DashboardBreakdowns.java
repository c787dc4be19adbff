package bg.digiclub.collector.report.programme;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.report.Breakdown;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;

/**
 * The dashboard's breakdowns (the club page's age x sex table and tile counts, {@code /export.csv}'s
 * demographic and tile columns) for a period of whole calendar months, published by
 * {@link VisitPublication}'s month rule like the programme report. A period of days gets none: its
 * figures are not sums of months' published ones, so two overlapping periods of days could be
 * subtracted into a cell the month hides (issue 14). Its totals stay.
 */
public final class DashboardBreakdowns {
    private final ClubStore clubs;
    private final VisitFigures figures;

    public DashboardBreakdowns(ClubStore clubs, VisitFigures figures) {
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.figures = Objects.requireNonNull(figures, "figures");
    }

    /**
     * Every club's breakdowns and all clubs' together.
     *
     * @param byClub per club id (every club the collector holds)
     * @param all    the sum over the clubs, protected across them
     */
    public record Published(Map<String, Breakdown> byClub, Breakdown all) {
        public Published {
            byClub = Map.copyOf(byClub);
            Objects.requireNonNull(all, "all");
        }
    }

    /** The period as a range of whole months, if it is one: from a first day of a month to a last. */
    public static Optional<ReportPeriod> wholeMonths(Period period) {
        Objects.requireNonNull(period, "period");
        if (period.from().getDayOfMonth() != 1
                || !period.to().equals(YearMonth.from(period.to()).atEndOfMonth())) {
            return Optional.empty();
        }
        return Optional.of(ReportPeriod.custom(YearMonth.from(period.from()), YearMonth.from(period.to())));
    }

    /** The breakdowns of the period; empty when it is not whole months. */
    public Optional<Published> of(Period period) throws SQLException {
        Optional<ReportPeriod> months = wholeMonths(period);
        if (months.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = clubs.clubs().stream().map(Club::id).toList();
        List<MonthCounts> counts = new ArrayList<>();
        for (VisitFigures.Month month : figures.months(months.get())) {
            counts.add(month.byAgeBand(ids));
        }
        PublishedVisits visits = VisitPublication.publishByAgeBand(counts);
        Map<String, Breakdown> byClub = new LinkedHashMap<>();
        for (String id : ids) {
            byClub.put(id, breakdown(visits.byClub().get(id)));
        }
        return Optional.of(new Published(byClub, breakdown(visits.all())));
    }

    private static Breakdown breakdown(ClubVisits visits) {
        return new Breakdown(
                visits.byAgeAndSex().table(),
                visits.tiles().stream().map(ProgrammeReport.TileUse::sessions).toList());
    }
}
