package bg.digiclub.collector.web;

import java.time.Clock;
import java.util.Objects;

import io.javalin.Javalin;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.store.ClubStore;

/**
 * The programme report page on a real loopback HTTP server, with the dashboard's headers, static
 * files and language link, signed in as one user, rendering whatever reports the test gives it:
 * the page's own behaviour (access, pickers, print CSS) tested apart from the report service.
 */
final class ProgrammePageServer implements AutoCloseable {
    private final Javalin app;

    ProgrammePageServer(ProgrammeReports reports, ClubStore clubs, Clock clock, User user) {
        Objects.requireNonNull(user, "user");
        PageContext pages = new PageContext(new Templates(), clock, clock.getZone(), false);
        ProgrammePages page = new ProgrammePages(reports, clubs, clock, clock.getZone(), pages);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.before(SecurityHeaders::add);
            config.routes.get("/language/{code}", pages::chooseLanguage);
            config.routes.get("/reports/programme", ctx -> {
                try {
                    page.page(ctx, user);
                } catch (IllegalArgumentException e) {
                    // as the dashboard answers a bad request of a signed-in page
                    ctx.status(400).result(e.getMessage());
                }
            });
            config.routes.get(
                    "/static/programme.css", ctx -> StaticFiles.serve(ctx, "programme.css", "text/css; charset=utf-8"));
            config.routes.get(
                    "/static/dashboard.css", ctx -> StaticFiles.serve(ctx, "dashboard.css", "text/css; charset=utf-8"));
            config.routes.get(
                    "/static/dashboard.js",
                    ctx -> StaticFiles.serve(ctx, "dashboard.js", "text/javascript; charset=utf-8"));
        });
        app.start();
    }

    int port() {
        return app.port();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
