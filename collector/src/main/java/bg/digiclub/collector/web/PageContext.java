package bg.digiclub.collector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.Period;
import io.javalin.http.Context;

/**
 * What every page takes from its request the same way: the language (from the browser's
 * {@code Accept-Language}), the period (query {@code from}/{@code to}, else the last 30 days in
 * the municipality's time zone), and error pages in that language.
 */
final class PageContext {
    static final int DEFAULT_DAYS = 30;

    private final Templates templates;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<PageLanguage, PageText> texts = new EnumMap<>(PageLanguage.class);

    PageContext(Templates templates, Clock clock, ZoneId zone) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        for (PageLanguage language : PageLanguage.values()) {
            texts.put(language, new PageText(language));
        }
    }

    Templates templates() {
        return templates;
    }

    PageText text(Context ctx) {
        return texts.get(PageLanguage.fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    Period period(Context ctx) {
        return Period.parse(ctx.queryParam("from"), ctx.queryParam("to"),
                Period.lastDays(LocalDate.now(clock.withZone(zone)), DEFAULT_DAYS));
    }

    /** An error page with the status; {@code title} and {@code detail} are bundle keys. */
    void error(Context ctx, User user, int status, String title, String detail, Object... args) {
        PageText t = text(ctx);
        ctx.status(status).html(templates.error(t, user, t.get(title), t.get(detail, args)));
    }

    void forbidden(Context ctx, User user) {
        error(ctx, user, 403, "error.forbidden", "error.forbidden.detail");
    }

    void noClub(Context ctx, User user, String clubId) {
        error(ctx, user, 404, "error.noClub", "error.noClub.detail", clubId);
    }
}
