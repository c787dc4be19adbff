package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.javalin.http.Context;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.Breakdown;
import bg.digiclub.collector.report.ClubReport;
import bg.digiclub.collector.report.DeviceSummary;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.report.programme.DashboardBreakdowns;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;

/**
 * The signed-in pages: the municipality's overview, a club, a PC. What a user may see is checked
 * here, on the server, for each club and device.
 */
final class ReportPages {
    /** How far back a PC's health chart reaches. */
    static final Duration HEALTH_HISTORY = Duration.ofDays(7);

    private final Reports reports;
    private final DashboardBreakdowns breakdowns;
    private final ClubStore clubs;
    private final Clock clock;
    private final PageContext pages;

    ReportPages(Reports reports, DashboardBreakdowns breakdowns, ClubStore clubs, Clock clock, PageContext pages) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.breakdowns = Objects.requireNonNull(breakdowns, "breakdowns");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    void overview(Context ctx, User user) throws SQLException {
        if (user.clubId() != null) {
            ctx.redirect(Links.club(user.clubId()));
            return;
        }
        Period period = pages.period(ctx);
        ctx.html(pages.templates()
                .overview(pages.text(ctx), user, period, reports.overview(period), reports.allDays(period)));
    }

    void club(Context ctx, User user) throws SQLException {
        String clubId = ctx.pathParam("club");
        if (!user.maySee(clubId)) {
            pages.forbidden(ctx, user);
            return;
        }
        Period period = pages.period(ctx);
        Optional<ClubReport> report = reports.club(clubId, period);
        if (report.isEmpty()) {
            pages.noClub(ctx, user, clubId);
            return;
        }
        // by age, sex and tile only for whole months that have settled (the programme report's rules);
        // else totals only, and a note that says why
        DashboardBreakdowns.Answer answer = breakdowns.of(period);
        Breakdown breakdown = answer.published()
                .map(published -> published.byClub().get(clubId))
                .orElse(null);
        PageText text = pages.text(ctx);
        BreakdownNote note = BreakdownNote.of(text, answer).orElse(null);
        ctx.html(pages.templates().club(text, user, period, report.get(), breakdown, note));
    }

    void device(Context ctx, User user) throws SQLException {
        Optional<UUID> deviceId = deviceId(ctx.pathParam("device"));
        Period period = pages.period(ctx);
        Optional<DeviceSummary> device = deviceId.isEmpty() ? Optional.empty() : reports.device(deviceId.get(), period);
        if (device.isEmpty()) {
            pages.error(ctx, user, 404, "error.noDevice", "error.noDevice.detail");
            return;
        }
        if (!user.maySee(device.get().clubId())) {
            pages.forbidden(ctx, user);
            return;
        }
        Club club = clubs.club(device.get().clubId()).orElseThrow();
        Instant to = clock.instant();
        Instant from = to.minus(HEALTH_HISTORY);
        ctx.html(pages.templates()
                .device(
                        pages.text(ctx),
                        user,
                        club,
                        device.get(),
                        reports.healthHistory(deviceId.get(), from),
                        from,
                        to,
                        reports.healthDays(deviceId.get(), period)));
    }

    private static Optional<UUID> deviceId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
