package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import io.javalin.http.Context;

import bg.digiclub.collector.api.ApiTokens;
import bg.digiclub.collector.api.NewApiToken;
import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;

/**
 * The read API's tokens page, {@code /tokens}: the tokens a user may manage (the municipality every
 * one, club staff their club's), a form to make one (the municipality for any scope, club staff for
 * their club only; the token shown in that one answer) and revoking. Every form carries the
 * session's {@link Csrf} token (checked by the dashboard's routes before a form gets here).
 */
final class TokenPages {
    private final ApiTokens tokens;
    private final ClubStore clubs;
    private final ZoneId zone;
    private final PageContext pages;

    TokenPages(ApiTokens tokens, ClubStore clubs, ZoneId zone, PageContext pages) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /**
     * What the page shows once, after a form.
     *
     * @param secret     a token just made, or null
     * @param messageKey what happened, a bundle key, or null
     * @param error      why the form was refused (a sentence), or null
     */
    record Shown(String secret, String messageKey, String error) {
        static final Shown NOTHING = new Shown(null, null, null);
    }

    void page(Context ctx, User user) throws SQLException {
        render(ctx, user, Shown.NOTHING);
    }

    void create(Context ctx, User user) throws SQLException {
        ReportScope scope;
        try {
            scope = ReportScope.parse(ctx.formParam("scope"));
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, user, new Shown(null, null, e.getMessage()));
            return;
        }
        if (!ProgrammePages.maySee(user, scope)) {
            pages.forbidden(ctx, user);
            return;
        }
        try {
            NewApiToken made = tokens.create(ctx.formParam("name"), scope, user.username());
            render(ctx, user, new Shown(made.secret(), "tokens.created", null));
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, user, new Shown(null, null, e.getMessage()));
        }
    }

    void revoke(Context ctx, User user) throws SQLException {
        boolean revoked = tokens.revoke(ctx.pathParam("id"), managedBy(user));
        render(ctx, user, new Shown(null, revoked ? "tokens.revokedDone" : "tokens.unknown", null));
    }

    /** The tokens a user manages: the municipality's user every token, club staff their club's. */
    private static ReportScope managedBy(User user) {
        return user.role() == Role.MUNICIPALITY ? ReportScope.municipality() : ReportScope.club(user.clubId());
    }

    private void render(Context ctx, User user, Shown shown) throws SQLException {
        ReportScope scope = managedBy(user);
        List<Club> choices =
                clubs.clubs().stream().filter(c -> user.maySee(c.id())).toList();
        ctx.html(pages.templates()
                .tokens(pages.text(ctx), user, Csrf.token(ctx), tokens.list(scope), choices, zone, shown));
    }
}
