package bg.digiclub.collector.report.programme;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;

/**
 * The collector's programme reports: the exact figures ({@link VisitFigures}, {@link MemberSource},
 * {@link AvailabilityQuery}) published with the suppression rules ({@link VisitPublication} for
 * visits, {@link MemberPublication} for members) by the configured bands ({@link ProgrammeSettings}).
 * Visits are always published over every club, whatever the scope, so that a club's cells are the
 * same in its own report and in the municipality's. Breakdowns of a period wait until it has
 * settled ({@link SettledMonths}); availability counts the period's days up to yesterday.
 *
 * <p>A report is read in one snapshot of the database: the sources each read on their own, and their
 * reads join the one read the report is made in ({@code SqlDatabase#read}), so a batch stored while
 * a report is made is in all of its figures or in none (the visits by month and the clubs' visits
 * cannot disagree by it).
 */
public final class ProgrammeReportService implements ProgrammeReports {
    private final Database database;
    private final ClubStore clubs;
    private final VisitFigures visits;
    private final MemberSource members;
    private final AvailabilityQuery availability;
    private final ProgrammeSettings settings;
    private final Clock clock;

    /** @param database the one the sources read, in which a report is read as one snapshot */
    public ProgrammeReportService(
            Database database,
            ClubStore clubs,
            VisitFigures visits,
            MemberSource members,
            AvailabilityQuery availability,
            ProgrammeSettings settings,
            Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.visits = Objects.requireNonNull(visits, "visits");
        this.members = Objects.requireNonNull(members, "members");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ProgrammeReport> report(ReportScope scope, ReportPeriod period) throws SQLException {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        // the sources' own reads join this one: the report is one snapshot
        return database.read(snapshot -> assemble(scope, period));
    }

    private Optional<ProgrammeReport> assemble(ReportScope scope, ReportPeriod period) throws SQLException {
        List<Club> all = clubs.clubs();
        List<Club> inScope;
        String name;
        if (scope.isMunicipality()) {
            inScope = all;
            name = settings.municipalityName();
        } else {
            Optional<Club> club =
                    all.stream().filter(c -> c.id().equals(scope.clubId())).findFirst();
            if (club.isEmpty()) {
                return Optional.empty();
            }
            inScope = List.of(club.get());
            name = club.get().name();
        }
        Instant generatedAt = clock.instant();
        List<String> everyClub = all.stream().map(Club::id).toList();
        List<String> ids = inScope.stream().map(Club::id).toList();
        ReportBands bands = settings.bands();

        List<VisitFigures.Month> months = visits.months(period);
        List<MonthCounts> counts = new ArrayList<>();
        List<ProgrammeReport.MonthVisits> byMonth = new ArrayList<>();
        long total = 0;
        for (VisitFigures.Month month : months) {
            counts.add(month.inAtoms(everyClub, bands));
            long sum = 0;
            for (String id : ids) {
                sum += month.visits().getOrDefault(id, 0L);
            }
            byMonth.add(new ProgrammeReport.MonthVisits(month.month(), sum));
            total += sum;
        }
        LocalDate today = SettledMonths.today(generatedAt);
        boolean settled = SettledMonths.settled(period, today);
        ClubVisits published = shownVisits(scope, VisitPublication.publish(counts, bands.scheme()));
        ClubVisits shown = settled ? published : SettledMonths.withheld(published);
        // the breakdowns of a period that has not settled are withheld: only the exact total is read
        MemberPublication.PublishedMembers people = settled
                ? MemberPublication.publish(period, scope, members, bands)
                : new MemberPublication.PublishedMembers(MemberPublication.total(period, scope, members), null, null);
        LocalDate yesterday = today.minusDays(1);
        List<ProgrammeReport.PcAvailability> available = period.firstDay().isAfter(yesterday)
                ? List.of()
                : availability.of(inScope, period.firstDay(), min(period.lastDay(), yesterday));
        return Optional.of(new ProgrammeReport(
                scope,
                name,
                period,
                generatedAt,
                visits.operation(inScope, period, months),
                byMonth,
                total,
                shown.byAgeAndSex(),
                shown.youth(),
                people.members(),
                people.byAgeAndSex(),
                people.youth(),
                shown.tiles(),
                available));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static ClubVisits shownVisits(ReportScope scope, PublishedVisits published) {
        if (scope.isMunicipality()) {
            return published.all();
        }
        Map<String, ClubVisits> byClub = published.byClub();
        return Objects.requireNonNull(byClub.get(scope.clubId()), "the club's published visits");
    }
}
