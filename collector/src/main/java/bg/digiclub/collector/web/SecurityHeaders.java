package bg.digiclub.collector.web;

import io.javalin.http.Context;

/**
 * The headers every dashboard response carries: nothing may come from elsewhere (no CDN, no
 * inline script), no framing, no referrer, no caching of numbers a user may no longer see.
 * The upload API under {@code /api/} is left alone: agents read no HTML.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {}

    static void add(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return;
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
