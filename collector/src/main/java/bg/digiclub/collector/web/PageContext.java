package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;

/**
 * What every page takes from its request the same way: the language (a cookie the top bar's
 * link sets, else Bulgarian; the link comes back to the same page), the period (query {@code from}/{@code to}, else the last 30 days in
 * the municipality's time zone), and error pages in that language.
 */
final class PageContext {
    static final int DEFAULT_DAYS = 30;
    static final String LANGUAGE_COOKIE = "digiclub_language";

    private final Templates templates;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean secureCookies;
    private final Map<PageLanguage, PageText> texts = new EnumMap<>(PageLanguage.class);

    PageContext(Templates templates, Clock clock, ZoneId zone, boolean secureCookies) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.secureCookies = secureCookies;
        for (PageLanguage language : PageLanguage.values()) {
            texts.put(language, new PageText(language));
        }
    }

    Templates templates() {
        return templates;
    }

    /**
     * The page's language: the one chosen with the top bar's link, else Bulgarian; its language
     * switch leads back to this page ({@link ReturnPath}).
     */
    PageText text(Context ctx) {
        return texts.get(PageLanguage.fromCode(ctx.cookie(LANGUAGE_COOKIE)).orElse(PageLanguage.BG))
                .withReturnPath(ReturnPath.of(ctx).orElse(null));
    }

    /**
     * {@code /language/{code}?back=PATH}: remembers the language for a year and goes back to the
     * page the switch was clicked on, if {@code back} is a path of ours ({@link ReturnPath#checked}),
     * else to the start page; an unknown code changes nothing.
     */
    void chooseLanguage(Context ctx) {
        String back = ReturnPath.checked(ctx.queryParam(ReturnPath.PARAMETER));
        Optional<PageLanguage> chosen = PageLanguage.fromCode(ctx.pathParam("code"));
        if (chosen.isEmpty()) {
            ctx.redirect(back);
            return;
        }
        PageLanguage language = chosen.get();
        ctx.cookie(new Cookie(
                LANGUAGE_COOKIE,
                language.code(),
                "/",
                (int) Duration.ofDays(365).toSeconds(),
                secureCookies,
                true,
                null,
                SameSite.STRICT));
        ctx.redirect(back);
    }

    Period period(Context ctx) {
        return Period.parse(
                ctx.queryParam("from"),
                ctx.queryParam("to"),
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

    /**
     * The club of the request's path ({@code {club}}) if the user may see it and it exists; else
     * the 403 or 404 page is answered and the result is empty.
     */
    Optional<Club> visibleClub(Context ctx, User user, ClubStore clubs) throws SQLException {
        String clubId = ctx.pathParam("club");
        if (!user.maySee(clubId)) {
            forbidden(ctx, user);
            return Optional.empty();
        }
        Optional<Club> club = clubs.club(clubId);
        if (club.isEmpty()) {
            noClub(ctx, user, clubId);
        }
        return club;
    }
}
