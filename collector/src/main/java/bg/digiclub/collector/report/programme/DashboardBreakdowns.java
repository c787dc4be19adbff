package bg.digiclub.collector.report.programme;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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
 * subtracted into a cell the month hides (issue 14). A period of whole months gets none until it has
 * settled ({@link SettledMonths}), as the programme report: the same month read on two days would
 * otherwise subtract to the visits in between, by age and sex. Totals stay, in both cases.
 */
public final class DashboardBreakdowns {
    private final ClubStore clubs;
    private final VisitFigures figures;
    private final Clock clock;

    public DashboardBreakdowns(ClubStore clubs, VisitFigures figures, Clock clock) {
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.clock = Objects.requireNonNull(clock, "clock");
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

    /** What the dashboard may show of a period's breakdowns: them, or why not. */
    public sealed interface Answer permits Shown, NotWholeMonths, NotSettled {
        /** The breakdowns; empty when they are withheld. */
        default Optional<Published> published() {
            return Optional.empty();
        }
    }

    /** The period has settled: its breakdowns. */
    public record Shown(Published breakdowns) implements Answer {
        public Shown {
            Objects.requireNonNull(breakdowns, "breakdowns");
        }

        @Override
        public Optional<Published> published() {
            return Optional.of(breakdowns);
        }
    }

    /** The period is not a range of whole months: totals only, ever. */
    public record NotWholeMonths() implements Answer {}

    /**
     * The period is whole months but still filling up: totals only until {@code shownFrom}.
     *
     * @param shownFrom the first day its breakdowns are shown
     */
    public record NotSettled(LocalDate shownFrom) implements Answer {
        public NotSettled {
            Objects.requireNonNull(shownFrom, "shownFrom");
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

    /** The breakdowns of the period as of the clock's today, or why there are none. */
    public Answer of(Period period) throws SQLException {
        Optional<ReportPeriod> months = wholeMonths(period);
        if (months.isEmpty()) {
            return new NotWholeMonths();
        }
        // nothing is read of a period still filling up: no figure of it can reach a page
        if (!SettledMonths.settled(months.get(), SettledMonths.today(clock.instant()))) {
            return new NotSettled(SettledMonths.shownFrom(months.get()));
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
        return new Shown(new Published(byClub, breakdown(visits.all())));
    }

    private static Breakdown breakdown(ClubVisits visits) {
        return new Breakdown(
                visits.byAgeAndSex().table(),
                visits.tiles().stream().map(ProgrammeReport.TileUse::sessions).toList());
    }
}
