package bg.digiclub.collector.web;

import bg.digiclub.collector.auth.AttemptThrottle;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.auth.WebSessions;
import bg.digiclub.collector.report.ClubReport;
import bg.digiclub.collector.report.CsvExport;
import bg.digiclub.collector.report.DeviceSummary;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's routes. Every page but the sign-in form needs a session; what a user may see
 * is checked here, on the server, for each club, device and export.
 */
public final class Dashboard {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    static final String COOKIE = "digiclub_session";
    private static final String USER = "digiclub.user";

    private final UserStore users;
    private final WebSessions sessions;
    private final AttemptThrottle throttle;
    private final AttemptThrottle addressThrottle;
    private final Reports reports;
    private final ClubStore clubs;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean secureCookies;

    /**
     * @param throttle        failed sign-ins per user name
     * @param addressThrottle failed sign-ins per client address; looser, since a whole town hall
     *                        may share one address
     */
    public Dashboard(UserStore users, WebSessions sessions, AttemptThrottle throttle, AttemptThrottle addressThrottle,
                     Reports reports, ClubStore clubs, Clock clock, ZoneId zone, boolean secureCookies) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.addressThrottle = addressThrottle;
        this.reports = reports;
        this.clubs = clubs;
        this.clock = clock;
        this.zone = zone;
        this.secureCookies = secureCookies;
    }

    public void register(JavalinConfig config) {
        config.routes.before(this::securityHeaders);
        config.routes.get("/login", ctx -> ctx.html(LoginPage.render(null, null)));
        config.routes.post("/login", this::login);
        config.routes.post("/logout", this::logout);
        config.routes.get("/", ctx -> signedIn(ctx, this::overview));
        config.routes.get("/clubs/{club}", ctx -> signedIn(ctx, this::club));
        config.routes.get("/devices/{device}", ctx -> signedIn(ctx, this::device));
        config.routes.get("/export.csv", ctx -> signedIn(ctx, this::export));
        config.routes.get("/static/dashboard.css", ctx -> resource(ctx, "dashboard.css", "text/css; charset=utf-8"));
        config.routes.get("/static/dashboard.js", ctx -> resource(ctx, "dashboard.js",
                "text/javascript; charset=utf-8"));
    }

    private void securityHeaders(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return;
        }
        // nothing may come from elsewhere: no CDN, no inline script
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    @FunctionalInterface
    private interface Page {
        void handle(Context ctx, User user) throws Exception;
    }

    private void signedIn(Context ctx, Page page) throws Exception {
        Optional<User> user = sessions.user(ctx.cookie(COOKIE));
        if (user.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        try {
            page.handle(ctx, user.get());
        } catch (IllegalArgumentException e) {
            ctx.status(400).html(Layout.error(user.get(), "Грешна заявка", e.getMessage()));
        }
    }

    private void login(Context ctx) throws SQLException {
        String username = String.valueOf(ctx.formParam("username")).strip();
        String password = ctx.formParam("password");
        String ip = "ip:" + ctx.ip();
        String name = "user:" + username;
        Optional<Duration> locked = throttle.lockedFor(name).or(() -> addressThrottle.lockedFor(ip));
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            ctx.status(429).header("Retry-After", Long.toString(seconds))
                    .html(LoginPage.render("Твърде много неуспешни опити. Опитайте отново след " + seconds + " s.",
                            username));
            return;
        }
        Optional<User> user = password == null ? Optional.empty()
                : users.authenticate(username, password.toCharArray());
        if (user.isEmpty()) {
            throttle.failed(name);
            addressThrottle.failed(ip);
            LOG.info("failed dashboard sign-in from {}", ctx.ip());
            ctx.status(401).html(LoginPage.render("Грешно потребителско име или парола.", username));
            return;
        }
        throttle.succeeded(name);
        String id = sessions.start(user.get());
        ctx.cookie(new Cookie(COOKIE, id, "/", -1, secureCookies, true, null, SameSite.STRICT));
        LOG.info("dashboard sign-in: {}", user.get().username());
        ctx.redirect(user.get().clubId() == null ? "/" : "/clubs/" + Html.url(user.get().clubId()));
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secureCookies, true, null, SameSite.STRICT));
        ctx.redirect("/login");
    }

    private Period period(Context ctx) {
        return Period.parse(ctx.queryParam("from"), ctx.queryParam("to"), Period.lastDays(LocalDate.now(clock.withZone(zone)), 30));
    }

    private void overview(Context ctx, User user) throws SQLException {
        if (user.clubId() != null) {
            ctx.redirect("/clubs/" + Html.url(user.clubId()));
            return;
        }
        Period period = period(ctx);
        ctx.html(OverviewPage.render(user, period, reports.overview(period), reports.allDays(period)));
    }

    private void club(Context ctx, User user) throws SQLException {
        String clubId = ctx.pathParam("club");
        if (!user.maySee(clubId)) {
            forbidden(ctx, user);
            return;
        }
        Period period = period(ctx);
        Optional<ClubReport> report = reports.club(clubId, period);
        if (report.isEmpty()) {
            ctx.status(404).html(Layout.error(user, "Няма такъв клуб", "Клуб " + clubId + " не съществува."));
            return;
        }
        ctx.html(ClubPage.render(user, period, report.get()));
    }

    private void device(Context ctx, User user) throws SQLException {
        UUID deviceId;
        try {
            deviceId = UUID.fromString(ctx.pathParam("device"));
        } catch (IllegalArgumentException e) {
            ctx.status(404).html(Layout.error(user, "Няма такъв компютър", "Непознат компютър."));
            return;
        }
        Period period = period(ctx);
        Optional<DeviceSummary> device = reports.device(deviceId, period);
        if (device.isEmpty()) {
            ctx.status(404).html(Layout.error(user, "Няма такъв компютър", "Непознат компютър."));
            return;
        }
        if (!user.maySee(device.get().clubId())) {
            forbidden(ctx, user);
            return;
        }
        Club club = clubs.club(device.get().clubId()).orElseThrow();
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(7));
        ctx.html(DevicePage.render(user, club, device.get(), reports.healthHistory(deviceId, from), from, to,
                reports.healthDays(deviceId, period)));
    }

    private void export(Context ctx, User user) throws SQLException, IOException {
        Period period = period(ctx);
        String clubId = ctx.queryParam("club");
        List<CsvExport.Row> rows = new ArrayList<>();
        if (clubId == null || clubId.equals("all")) {
            if (user.clubId() != null) {
                clubId = user.clubId();
            } else {
                var demographics = reports.demographicsByClub(period);
                var tiles = reports.tileCategoriesByClub(period);
                for (var summary : reports.overview(period)) {
                    rows.add(new CsvExport.Row(summary, demographics.getOrDefault(summary.club().id(),
                            new long[bg.digiclub.common.link.AgeBand.values().length]
                                    [bg.digiclub.common.link.Sex.values().length]),
                            tiles.getOrDefault(summary.club().id(),
                                    new long[bg.digiclub.common.link.TileCategory.values().length])));
                }
            }
        }
        if (rows.isEmpty() && clubId != null && !clubId.equals("all")) {
            if (!user.maySee(clubId)) {
                forbidden(ctx, user);
                return;
            }
            Optional<ClubReport> report = reports.club(clubId, period);
            if (report.isEmpty()) {
                ctx.status(404).html(Layout.error(user, "Няма такъв клуб", "Клуб " + clubId + " не съществува."));
                return;
            }
            rows.add(new CsvExport.Row(report.get().summary(), reports.demographics(clubId, period),
                    reports.tileCategories(clubId, period)));
        }
        String name = "digiclub-" + (clubId == null ? "all" : clubId) + "-" + period.from() + "-" + period.to() + ".csv";
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        var bytes = new java.io.ByteArrayOutputStream();
        // a byte order mark, so that spreadsheet programs read the Cyrillic names as UTF-8
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            CsvExport.write(out, period, rows);
        }
        ctx.result(bytes.toByteArray());
    }

    private static void forbidden(Context ctx, User user) {
        ctx.status(403).html(Layout.error(user, "Нямате достъп", "Този клуб не е ваш."));
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            ctx.contentType(type).header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        }
    }
}
