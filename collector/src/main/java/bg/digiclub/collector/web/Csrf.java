package bg.digiclub.collector.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.javalin.http.Context;

import bg.digiclub.collector.auth.Secrets;

/**
 * The token every dashboard form that changes something carries (field {@value #FIELD}), on top of
 * the session cookie's {@code SameSite=Strict}: a page of another site can make the browser send a
 * form, but cannot read ours, so it cannot know the token. The token is a one-way hash of the
 * session id, so it needs no storage, holds on every collector instance that knows the session,
 * and gives nothing of the session id away when a page is saved or printed.
 */
final class Csrf {
    /** The form field (and the {@code <meta name="csrf-token">} of every signed-in page). */
    static final String FIELD = "csrf";

    private Csrf() {}

    /** The token of the request's web session; null without a session cookie. */
    static String token(Context ctx) {
        String session = ctx.cookie(SignIn.COOKIE);
        return session == null ? null : of(session);
    }

    /** True if the request's form carries its session's token. */
    static boolean valid(Context ctx) {
        String expected = token(ctx);
        String given = ctx.formParam(FIELD);
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    static String of(String sessionId) {
        return Secrets.sha256("digiclub-csrf:" + sessionId);
    }
}
