package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.auth.AttemptThrottle;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.auth.WebSessions;

/**
 * Signing in and out of the dashboard: the form, the password check with its two throttles, and
 * the session cookie (HttpOnly, SameSite=Strict, Secure behind TLS).
 */
final class SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
    static final String COOKIE = "digiclub_session";

    private final UserStore users;
    private final WebSessions sessions;
    private final AttemptThrottle throttle;
    private final AttemptThrottle addressThrottle;
    private final boolean secureCookies;
    private final PageContext pages;

    SignIn(
            UserStore users,
            WebSessions sessions,
            AttemptThrottle throttle,
            AttemptThrottle addressThrottle,
            boolean secureCookies,
            PageContext pages) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.addressThrottle = Objects.requireNonNull(addressThrottle, "addressThrottle");
        this.secureCookies = secureCookies;
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** The signed-in user of a request, if its cookie names a live session. */
    Optional<User> user(Context ctx) {
        return sessions.user(ctx.cookie(COOKIE));
    }

    void form(Context ctx) {
        ctx.html(pages.templates().login(pages.text(ctx), null, null));
    }

    void login(Context ctx) throws SQLException {
        PageText t = pages.text(ctx);
        String username = String.valueOf(ctx.formParam("username")).strip();
        String password = ctx.formParam("password");
        String ip = "ip:" + ctx.ip();
        String name = "user:" + username;
        Optional<Duration> locked = throttle.lockedFor(name).or(() -> addressThrottle.lockedFor(ip));
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            ctx.status(429)
                    .header("Retry-After", Long.toString(seconds))
                    .html(pages.templates().login(t, t.get("login.locked", Long.toString(seconds)), username));
            return;
        }
        Optional<User> user =
                password == null ? Optional.empty() : users.authenticate(username, password.toCharArray());
        if (user.isEmpty()) {
            throttle.failed(name);
            addressThrottle.failed(ip);
            LOG.info("failed dashboard sign-in from {}", ctx.ip());
            ctx.status(401).html(pages.templates().login(t, t.get("login.wrong"), username));
            return;
        }
        throttle.succeeded(name);
        String id = sessions.start(user.get());
        ctx.cookie(new Cookie(COOKIE, id, "/", -1, secureCookies, true, null, SameSite.STRICT));
        LOG.info("dashboard sign-in: {}", user.get().username());
        ctx.redirect(user.get().clubId() == null ? "/" : Links.club(user.get().clubId()));
    }

    void logout(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secureCookies, true, null, SameSite.STRICT));
        ctx.redirect("/login");
    }
}
