package bg.digiclub.collector.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import bg.digiclub.collector.api.ApiToken;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.cards.ClubCards;
import bg.digiclub.collector.live.AuditEntry;
import bg.digiclub.collector.live.PcTile;
import bg.digiclub.collector.report.Breakdown;
import bg.digiclub.collector.report.ClubReport;
import bg.digiclub.collector.report.ClubSummary;
import bg.digiclub.collector.report.DayCount;
import bg.digiclub.collector.report.DeviceSummary;
import bg.digiclub.collector.report.HealthDayRow;
import bg.digiclub.collector.report.HealthPoint;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.store.Club;
import bg.digiclub.common.live.ClubSettings;

/**
 * The dashboard's pages, rendered from the jte templates in {@code src/main/jte} that the build
 * compiles to Java. Their content type is HTML, so every {@code ${value}} is escaped for where it
 * stands; no page is put together by string concatenation, and no call site has to remember to
 * escape a club's name.
 */
public final class Templates {
    /** The package the build generates the templates' classes into (collector/pom.xml). */
    static final String PACKAGE = "bg.digiclub.collector.web.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    public String login(PageText t, String message, String username) {
        Map<String, Object> params = params(t);
        params.put("message", message);
        params.put("username", username);
        return render("login.jte", params);
    }

    public String overview(PageText t, User user, Period period, List<ClubSummary> clubs, List<DayCount> days) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("period", Objects.requireNonNull(period, "period"));
        params.put("clubs", Objects.requireNonNull(clubs, "clubs"));
        params.put("totals", OverviewTotals.of(clubs));
        params.put("days", Objects.requireNonNull(days, "days"));
        return render("overview.jte", params);
    }

    /**
     * A club's page: with its {@code breakdown}, or (totals only) with the {@code note} saying why it
     * has none; exactly one of the two is null.
     */
    public String club(
            PageText t, User user, Period period, ClubReport report, Breakdown breakdown, BreakdownNote note) {
        if ((breakdown == null) == (note == null)) {
            throw new IllegalArgumentException("a club page has either its breakdown or a note why not, not "
                    + (note == null ? "neither" : "both"));
        }
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("period", Objects.requireNonNull(period, "period"));
        params.put("report", Objects.requireNonNull(report, "report"));
        params.put("breakdown", breakdown);
        params.put("note", note);
        return render("club.jte", params);
    }

    /** One PC; {@code history} covers {@code from} to {@code to}, {@code days} the page's period. */
    public String device(
            PageText t,
            User user,
            Club club,
            DeviceSummary device,
            List<HealthPoint> history,
            Instant from,
            Instant to,
            List<HealthDayRow> days) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("club", Objects.requireNonNull(club, "club"));
        params.put("device", Objects.requireNonNull(device, "device"));
        params.put("history", Objects.requireNonNull(history, "history"));
        params.put("from", Objects.requireNonNull(from, "from"));
        params.put("to", Objects.requireNonNull(to, "to"));
        params.put("days", Objects.requireNonNull(days, "days"));
        return render("device.jte", params);
    }

    /**
     * The live room view; its tiles are filled by room.js from room.json, {@code tiles} only name
     * the PCs of the command form.
     *
     * @param number a queue number just given out, shown large; or null
     */
    public String room(PageText t, User user, String csrf, Club club, List<PcTile> tiles, Integer number) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("csrf", Objects.requireNonNull(csrf, "csrf"));
        params.put("club", Objects.requireNonNull(club, "club"));
        params.put("tiles", Objects.requireNonNull(tiles, "tiles"));
        params.put("number", number);
        return render("room.jte", params);
    }

    /** The club's settings form; {@code error} (or null) says what was wrong with the last one sent. */
    public String settings(
            PageText t, User user, String csrf, Club club, ClubSettings settings, boolean saved, String error) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("csrf", Objects.requireNonNull(csrf, "csrf"));
        params.put("club", Objects.requireNonNull(club, "club"));
        params.put("settings", Objects.requireNonNull(settings, "settings"));
        params.put("saved", saved);
        params.put("error", error);
        return render("settings.jte", params);
    }

    /** The club's audit log. */
    String log(LiveText text, User user, Club club, List<AuditEntry> entries) {
        Map<String, Object> params = params(text.page());
        params.put("text", text);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("club", Objects.requireNonNull(club, "club"));
        params.put("entries", Objects.requireNonNull(entries, "entries"));
        return render("log.jte", params);
    }

    /** The club's member cards page (part "cards"); {@code shown} is what a form's answer shows once. */
    String cards(PageText t, User user, String csrf, Club club, List<ClubCards.CardView> cards, CardPages.Shown shown) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("csrf", csrf);
        params.put("club", Objects.requireNonNull(club, "club"));
        params.put("cards", Objects.requireNonNull(cards, "cards"));
        params.put("shownCode", shown.code());
        params.put("shownPin", shown.pin());
        params.put("shownReference", shown.reference());
        params.put("message", shown.messageKey());
        return render("cards.jte", params);
    }

    /** The programme report's printable page (issue 14). */
    String programme(PageText t, User user, ProgrammeView view) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("view", Objects.requireNonNull(view, "view"));
        return render("programme.jte", params);
    }

    /** The read API's tokens page (issue 14, part D); {@code shown} is what a form's answer shows once. */
    String tokens(
            PageText t,
            User user,
            String csrf,
            List<ApiToken> tokens,
            List<Club> clubs,
            ZoneId zone,
            TokenPages.Shown shown) {
        Map<String, Object> params = params(t);
        params.put("user", Objects.requireNonNull(user, "user"));
        params.put("csrf", csrf);
        params.put("tokens", Objects.requireNonNull(tokens, "tokens"));
        params.put("clubs", Objects.requireNonNull(clubs, "clubs"));
        params.put("zone", Objects.requireNonNull(zone, "zone"));
        params.put("shownSecret", shown.secret());
        params.put("message", shown.messageKey());
        params.put("error", shown.error());
        return render("tokens.jte", params);
    }

    /** An error page; {@code user} is null before sign-in. */
    public String error(PageText t, User user, String title, String message) {
        return error(t, user, title, message, null);
    }

    /** An error page with a way back to where the form was ({@code back}, or null for none). */
    public String error(PageText t, User user, String title, String message, String back) {
        Map<String, Object> params = params(t);
        params.put("back", back);
        params.put("user", user);
        params.put("title", Objects.requireNonNull(title, "title"));
        params.put("message", Objects.requireNonNull(message, "message"));
        return render("error.jte", params);
    }

    private static Map<String, Object> params(PageText t) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", Objects.requireNonNull(t, "t"));
        return params;
    }

    private String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16384);
        engine.render(template, params, out);
        return out.toString();
    }
}
