package bg.digiclub.collector.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReport.PcAvailability;
import bg.digiclub.collector.report.programme.ProgrammeReport.TileUse;
import bg.digiclub.collector.report.programme.ReportBands;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Club;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.TileCategory;

/**
 * What the programme report page shows: the report exactly as published ({@link ProgrammeReport},
 * the same record the CSV and the read API write) and what a reader needs around it — the period
 * and generation time in words, the tiles with the programme's two indicators first, each PC's
 * club by name, and the pickers' choices. Nothing here counts or hides a figure.
 *
 * @param report       the published report
 * @param periodLabel  the period in words ("март 2026", "Q1 2026")
 * @param generatedAt  when the figures were read, in the municipality's time zone
 * @param tiles        every tile category, learning and e-government first
 * @param availability one row per PC of the scope
 * @param scopes       the scopes the user may choose (the municipality only for its staff)
 * @param periods      the period picker's choices
 */
public record ProgrammeView(
        ProgrammeReport report,
        String periodLabel,
        String generatedAt,
        List<TileUse> tiles,
        List<AvailabilityRow> availability,
        List<Choice> scopes,
        PeriodChoices periods) {
    /** How many years back the period picker offers (the programme's sustainability period). */
    static final int YEARS_BACK = 5;

    /** The programme's indicators first: participants in training, users of public digital services. */
    private static final List<TileCategory> FIRST = List.of(TileCategory.LEARNING, TileCategory.E_GOVERNMENT);

    public ProgrammeView {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(periodLabel, "periodLabel");
        Objects.requireNonNull(generatedAt, "generatedAt");
        tiles = List.copyOf(tiles);
        availability = List.copyOf(availability);
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(periods, "periods");
    }

    /**
     * @param clubs        the clubs the user may choose; for the municipality's staff every club
     * @param municipality whether the user may choose the whole municipality
     * @param today        the municipality's today: the newest month the picker offers
     */
    static ProgrammeView of(
            ProgrammeReport report, PageText t, List<Club> clubs, boolean municipality, ZoneId zone, LocalDate today) {
        Map<String, String> names = new HashMap<>();
        clubs.forEach(club -> names.put(club.id(), club.name()));
        report.clubs().forEach(club -> names.put(club.clubId(), club.name()));
        List<AvailabilityRow> availability = new ArrayList<>();
        for (PcAvailability pc : report.availability()) {
            availability.add(AvailabilityRow.of(names.getOrDefault(pc.clubId(), pc.clubId()), pc));
        }
        List<Choice> scopes = new ArrayList<>();
        String current = report.scope().name();
        if (municipality) {
            scopes.add(new Choice(
                    ReportScope.MUNICIPALITY,
                    t.get("programme.scope.municipality"),
                    current.equals(ReportScope.MUNICIPALITY)));
        }
        clubs.stream()
                .sorted(Comparator.comparing(Club::name))
                .forEach(club ->
                        scopes.add(new Choice(club.id(), club.name(), club.id().equals(current))));
        return new ProgrammeView(
                report,
                periodLabel(report.period(), t),
                PageText.time(report.generatedAt(), zone),
                tilesInOrder(report.tileSessions()),
                availability,
                scopes,
                PeriodChoices.of(report.period(), t, YearMonth.from(today)));
    }

    /**
     * Whom the report covers, in words: the club's or the municipality's name, or for a
     * municipality whose name is not configured ({@code report.municipality-name}) "all clubs".
     */
    public String scopeName(PageText t) {
        return report.scopeName().isBlank() ? t.get("programme.scope.municipality") : report.scopeName();
    }

    /** The same report as CSV. */
    public String csvLink() {
        return Links.programmeCsv(report.scope().name(), report.period().name());
    }

    /** The same report from the read API (a bearer token, not the session, opens it). */
    public String apiLink() {
        return Links.programmeApi(report.scope().name(), report.period().name());
    }

    /** A row label of an age × sex table: a configured band as written, or "not stated" as the kiosk says it. */
    public static String rowLabel(String row, PageText t) {
        return row.equals(ReportBands.NOT_DECLARED) ? t.age(AgeBand.NOT_DECLARED) : row;
    }

    /** A month in words in the page's language: "март 2026", "March 2026". */
    public static String month(YearMonth month, PageText t) {
        Locale locale = t.language().locale();
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
    }

    /** The period in words: a month, "Q1 2026", "H2 2026", a year, or "from – to" for a range of months. */
    public static String periodLabel(ReportPeriod period, PageText t) {
        String year = Integer.toString(period.from().getYear());
        return switch (period.kind()) {
            case MONTH -> month(period.from(), t);
            case QUARTER -> t.get("programme.quarter", quarterOf(period.from()), year);
            case HALF_YEAR -> t.get("programme.half", halfOf(period.from()), year);
            case YEAR -> t.get("programme.year", year);
            case CUSTOM -> t.get("programme.range", month(period.from(), t), month(period.to(), t));
        };
    }

    /** The tiles of the report, every category once: learning and e-government first, then the launcher's order. */
    static List<TileUse> tilesInOrder(List<TileUse> tiles) {
        List<TileUse> ordered = new ArrayList<>(tiles);
        ordered.sort(Comparator.comparingInt(tile -> {
            int first = FIRST.indexOf(tile.category());
            return first >= 0 ? first : FIRST.size() + tile.category().ordinal();
        }));
        return ordered;
    }

    /** The quarter's number, a number so that the Bulgarian text can write it in Roman numerals. */
    private static Integer quarterOf(YearMonth month) {
        return (month.getMonthValue() - 1) / 3 + 1;
    }

    private static Integer halfOf(YearMonth month) {
        return (month.getMonthValue() - 1) / 6 + 1;
    }

    /** One option of a picker. */
    public record Choice(String value, String label, boolean selected) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One PC's availability as the page writes it.
     *
     * @param percent the share of opening hours, one decimal; null when the club set no opening hours
     */
    public record AvailabilityRow(String club, int pcNumber, String openHours, String availableHours, String percent) {
        static AvailabilityRow of(String club, PcAvailability pc) {
            double percent = pc.percent();
            return new AvailabilityRow(
                    club,
                    pc.pcNumber(),
                    PageText.hours(pc.openMinutes()),
                    PageText.hours(pc.availableMinutes()),
                    Double.isNaN(percent) ? null : String.format(Locale.ROOT, "%.1f", percent));
        }
    }

    /**
     * The period picker: a form per kind of period, each preset to the shown period where it fits.
     * Months are chosen from lists in the page's language rather than a browser's month field,
     * which some browsers show as a bare text box.
     *
     * @param months     the months offered, newest first; the shown period's last month selected
     * @param quarters   the quarters offered, newest first
     * @param halves     the half-years offered, newest first
     * @param years      the years offered, newest first
     * @param customFrom the months offered as a range's first; the shown period's first selected
     * @param customTo   the months offered as a range's last; the shown period's last selected
     */
    public record PeriodChoices(
            List<Choice> months,
            List<Choice> quarters,
            List<Choice> halves,
            List<Choice> years,
            List<Choice> customFrom,
            List<Choice> customTo) {
        public PeriodChoices {
            months = List.copyOf(months);
            quarters = List.copyOf(quarters);
            halves = List.copyOf(halves);
            years = List.copyOf(years);
            customFrom = List.copyOf(customFrom);
            customTo = List.copyOf(customTo);
        }

        static PeriodChoices of(ReportPeriod shown, PageText t, YearMonth newest) {
            String name = shown.name();
            YearMonth last = shown.to().isAfter(newest) ? shown.to() : newest;
            YearMonth first = YearMonth.of(
                    Math.min(newest.getYear() - YEARS_BACK, shown.from().getYear()), 1);
            List<Choice> months = new ArrayList<>();
            List<Choice> customFrom = new ArrayList<>();
            List<Choice> customTo = new ArrayList<>();
            for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
                String label = month(m, t);
                months.add(new Choice(m.toString(), label, m.equals(shown.to())));
                customFrom.add(new Choice(m.toString(), label, m.equals(shown.from())));
                customTo.add(new Choice(m.toString(), label, m.equals(shown.to())));
            }
            List<Choice> quarters = new ArrayList<>();
            List<Choice> halves = new ArrayList<>();
            List<Choice> years = new ArrayList<>();
            for (int year = last.getYear(); year >= first.getYear(); year--) {
                for (int q = 4; q >= 1; q--) {
                    add(quarters, ReportPeriod.quarter(year, q), newest, name, t);
                }
                for (int h = 2; h >= 1; h--) {
                    add(halves, ReportPeriod.halfYear(year, h), newest, name, t);
                }
                add(years, ReportPeriod.year(year), newest, name, t);
            }
            return new PeriodChoices(months, quarters, halves, years, customFrom, customTo);
        }

        /** A period is offered once it has begun, and always when it is the one shown. */
        private static void add(List<Choice> choices, ReportPeriod period, YearMonth newest, String shown, PageText t) {
            boolean selected = period.name().equals(shown);
            if (selected || !period.from().isAfter(newest)) {
                choices.add(new Choice(period.name(), periodLabel(period, t), selected));
            }
        }
    }
}
