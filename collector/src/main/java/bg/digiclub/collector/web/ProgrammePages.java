package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;

/**
 * {@code /reports/programme?scope=municipality|<club>&period=<period>}: the programme report as a
 * page to read and to print (to paper or, with the browser's print dialog, to PDF). The
 * municipality's staff may ask for any scope; a club's staff for their own club only (403
 * otherwise, the municipality's report included: it is the other clubs' figures too).
 *
 * <p>Without {@code scope} the page shows the user's club, or the whole municipality; without
 * {@code period} the last whole month. The picker's "months from … to …" form sends {@code from}
 * and {@code to} (months); they are answered with a redirect to the report's own address, which
 * names the period as {@link ReportPeriod#name()} does, like its CSV and API links.
 */
final class ProgrammePages {
    private final ProgrammeReports reports;
    private final ClubStore clubs;
    private final Clock clock;
    private final ZoneId zone;
    private final PageContext pages;

    ProgrammePages(ProgrammeReports reports, ClubStore clubs, Clock clock, ZoneId zone, PageContext pages) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    void page(Context ctx, User user) throws SQLException {
        ReportScope scope = scope(ctx.queryParam("scope"), user);
        if (!maySee(user, scope)) {
            pages.forbidden(ctx, user);
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String named = ctx.queryParam("period");
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        if (isBlank(named) && !isBlank(from) && !isBlank(to)) {
            ReportPeriod range = ReportPeriod.parse(from.strip() + ".." + to.strip());
            ctx.redirect(Links.programme(scope.name(), range.name()));
            return;
        }
        ReportPeriod period =
                isBlank(named) ? ReportPeriod.month(YearMonth.from(today).minusMonths(1)) : ReportPeriod.parse(named);
        Optional<ProgrammeReport> report = reports.report(scope, period);
        if (report.isEmpty()) {
            pages.noClub(ctx, user, scope.clubId());
            return;
        }
        boolean municipality = user.clubId() == null;
        List<Club> choices = municipality
                ? clubs.clubs()
                : clubs.club(user.clubId()).map(List::of).orElse(List.of());
        PageText t = pages.text(ctx);
        ctx.html(pages.templates()
                .programme(t, user, ProgrammeView.of(report.get(), t, choices, municipality, zone, today)));
    }

    /** The scope asked for; without one, the user's own: their club, or the municipality. */
    static ReportScope scope(String asked, User user) {
        if (isBlank(asked)) {
            return new ReportScope(user.clubId());
        }
        String value = asked.strip();
        return value.equals(ReportScope.MUNICIPALITY) ? ReportScope.municipality() : ReportScope.club(value);
    }

    /**
     * The municipality's staff see every scope; a club's staff their club's report only: for the
     * programme page, its CSV and the read API tokens they may make.
     */
    static boolean maySee(User user, ReportScope scope) {
        return scope.isMunicipality() ? user.clubId() == null : user.maySee(scope.clubId());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
