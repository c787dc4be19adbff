package bg.digiclub.collector.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import bg.digiclub.collector.api.ApiTokens;
import bg.digiclub.collector.audit.AuditExport;
import bg.digiclub.collector.auth.AttemptThrottle;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.auth.WebSessions;
import bg.digiclub.collector.cards.CardDesk;
import bg.digiclub.collector.cards.ClubCards;
import bg.digiclub.collector.live.ClubConsole;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.report.programme.DashboardBreakdowns;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ReportBands;
import bg.digiclub.collector.store.ClubStore;

/**
 * The dashboard's routes, and only them: every page but the sign-in form needs a session
 * ({@link SignIn}); the pages ({@link ReportPages}), the mentor's console ({@link LivePages}), the
 * CSV ({@link CsvDownload}) and the static files ({@link StaticFiles}) each live in their own
 * class, behind the same headers ({@link SecurityHeaders}). Every form that changes something
 * (but signing in and out) is refused without its session's {@link Csrf} token.
 */
public final class Dashboard {
    private final SignIn signIn;
    private final ReportPages reportPages;
    private final CsvDownload csv;
    private final LivePages live;
    private final CardPages cardPages;
    private final TokenPages tokenPages;
    private final ProgrammePages programmePages;
    private final AuditDownload audit;
    private final PageContext pages;

    /**
     * @param throttle        failed sign-ins per user name
     * @param addressThrottle failed sign-ins per client address; looser, since a whole town hall
     *                        may share one address
     * @param zone            the municipality's time zone, for the default period
     * @param console         the clubs' live PCs, commands, queue and settings
     * @param apiTokens       the read API's tokens, managed on the tokens page
     * @param breakdowns      the club page's and the export's breakdowns, for periods of whole months that have
     *                        settled
     * @param programme       the programme reports: the page {@code /reports/programme} and its CSV
     * @param bands           the bands the programme reports are made with
     * @param export          the audit export, downloaded by the municipality as a zip
     */
    public Dashboard(
            UserStore users,
            WebSessions sessions,
            AttemptThrottle throttle,
            AttemptThrottle addressThrottle,
            Reports reports,
            ClubStore clubs,
            ClubConsole console,
            Clock clock,
            ZoneId zone,
            boolean secureCookies,
            ClubCards cards,
            CardDesk cardDesk,
            ApiTokens apiTokens,
            DashboardBreakdowns breakdowns,
            ProgrammeReports programme,
            ReportBands bands,
            AuditExport export) {
        Objects.requireNonNull(reports, "reports");
        this.pages = new PageContext(new Templates(), clock, zone, secureCookies);
        this.signIn = new SignIn(users, sessions, throttle, addressThrottle, secureCookies, pages);
        this.reportPages = new ReportPages(reports, breakdowns, clubs, clock, pages);
        this.csv = new CsvDownload(reports, breakdowns, programme, bands, pages);
        this.live = new LivePages(console, clubs, pages, clock);
        this.cardPages = new CardPages(cards, cardDesk, clubs, clock, pages);
        this.tokenPages = new TokenPages(apiTokens, clubs, zone, pages);
        this.programmePages = new ProgrammePages(programme, clubs, clock, zone, pages);
        this.audit = new AuditDownload(export, pages, zone);
    }

    public void register(JavalinConfig config) {
        Objects.requireNonNull(config, "config");
        config.routes.before(SecurityHeaders::add);
        config.routes.get("/login", signIn::form);
        config.routes.post("/login", signIn::login);
        config.routes.post("/logout", signIn::logout);
        config.routes.get("/language/{code}", pages::chooseLanguage);
        config.routes.get("/", ctx -> signedIn(ctx, reportPages::overview));
        config.routes.get("/clubs/{club}", ctx -> signedIn(ctx, reportPages::club));
        config.routes.get("/clubs/{club}/room", ctx -> signedIn(ctx, live::room));
        config.routes.get("/clubs/{club}/room.json", ctx -> signedIn(ctx, live::roomJson));
        config.routes.post("/clubs/{club}/commands", ctx -> signedInForm(ctx, live::command));
        config.routes.post("/clubs/{club}/queue", ctx -> signedInForm(ctx, live::enqueue));
        config.routes.post("/clubs/{club}/queue/remove", ctx -> signedInForm(ctx, live::dequeue));
        config.routes.get("/clubs/{club}/settings", ctx -> signedIn(ctx, live::settings));
        config.routes.post("/clubs/{club}/settings", ctx -> signedInForm(ctx, live::saveSettings));
        config.routes.get("/clubs/{club}/log", ctx -> signedIn(ctx, live::log));
        config.routes.get("/devices/{device}", ctx -> signedIn(ctx, reportPages::device));
        config.routes.get("/export.csv", ctx -> signedIn(ctx, csv::download));
        // the programme report as CSV (part E); the page beside it is part P's
        config.routes.get(CsvDownload.PROGRAMME_CSV, ctx -> signedIn(ctx, csv::programme));
        // the audit export, municipality only (part H)
        config.routes.get("/audit/export", ctx -> signedIn(ctx, audit::download));
        // member cards (part "cards")
        config.routes.get("/clubs/{club}/cards", ctx -> signedIn(ctx, cardPages::page));
        config.routes.post("/clubs/{club}/cards/new", ctx -> signedInForm(ctx, cardPages::create));
        config.routes.post("/clubs/{club}/cards/find", ctx -> signedInForm(ctx, cardPages::find));
        config.routes.post("/clubs/{club}/cards/{card}/pin", ctx -> signedInForm(ctx, cardPages::newPin));
        config.routes.post("/clubs/{club}/cards/{card}/disable", ctx -> signedInForm(ctx, cardPages::disable));
        // the read API's tokens (issue 14, part D)
        config.routes.get("/tokens", ctx -> signedIn(ctx, tokenPages::page));
        config.routes.post("/tokens/new", ctx -> signedInForm(ctx, tokenPages::create));
        config.routes.post("/tokens/{id}/revoke", ctx -> signedInForm(ctx, tokenPages::revoke));
        // the programme report's printable page (issue 14, part P)
        config.routes.get("/reports/programme", ctx -> signedIn(ctx, programmePages::page));
        config.routes.get(
                "/static/programme.css", ctx -> StaticFiles.serve(ctx, "programme.css", "text/css; charset=utf-8"));
        config.routes.get(
                "/static/dashboard.css", ctx -> StaticFiles.serve(ctx, "dashboard.css", "text/css; charset=utf-8"));
        config.routes.get(
                "/static/dashboard.js",
                ctx -> StaticFiles.serve(ctx, "dashboard.js", "text/javascript; charset=utf-8"));
        config.routes.get(
                "/static/room.js", ctx -> StaticFiles.serve(ctx, "room.js", "text/javascript; charset=utf-8"));
    }

    /** A page that needs a signed-in user. */
    @FunctionalInterface
    private interface SignedInPage {
        void handle(Context ctx, User user) throws Exception;
    }

    /** A form that changes something: it needs a signed-in user and the session's {@link Csrf} token. */
    private void signedInForm(Context ctx, SignedInPage page) throws Exception {
        signedIn(ctx, (c, user) -> {
            if (!Csrf.valid(c)) {
                pages.error(c, user, 403, "error.csrf", "error.csrf.detail");
                return;
            }
            try {
                page.handle(c, user);
            } catch (IllegalArgumentException e) {
                // what the mentor sent was refused: say why, with the way back to the room
                PageText t = pages.text(c);
                c.status(400)
                        .html(pages.templates()
                                .error(
                                        t,
                                        user,
                                        t.get("error.badRequest"),
                                        e.getMessage(),
                                        Links.room(c.pathParam("club"))));
            }
        });
    }

    private void signedIn(Context ctx, SignedInPage page) throws Exception {
        Optional<User> user = signIn.user(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        try {
            page.handle(ctx, user.get());
        } catch (IllegalArgumentException e) {
            PageText t = pages.text(ctx);
            ctx.status(400).html(pages.templates().error(t, user.get(), t.get("error.badRequest"), e.getMessage()));
        }
    }
}
