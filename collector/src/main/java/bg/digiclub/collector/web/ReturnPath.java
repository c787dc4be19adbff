package bg.digiclub.collector.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Where the top bar's language switch goes back to: the page it was clicked on. The page's path
 * travels in the switch's link ({@code ?back=}), because the dashboard sends no referrer; so it
 * comes back as anything a stranger's link may put there, and {@link #checked} lets through only a
 * path of this collector. A full address ({@code https://elsewhere}), a scheme-relative one
 * ({@code //elsewhere}), a backslash (browsers read {@code /\elsewhere} as {@code //elsewhere}), a
 * space or a control character (a header break) all go to the start page instead: the switch is
 * never an open redirect.
 */
final class ReturnPath {
    /** The language link's query parameter. */
    static final String PARAMETER = "back";
    /** Longer paths are not carried: no page of ours needs them. */
    static final int MAX_LENGTH = 2000;

    private static final String START = "/";

    private ReturnPath() {}

    /**
     * The path and query of the page a GET request shows, if it is one to come back to; empty for
     * a form's answer (POST), whose address shows nothing on its own.
     */
    static Optional<String> of(Context ctx) {
        if (ctx.method() != HandlerType.GET) {
            return Optional.empty();
        }
        String query = ctx.queryString();
        String here = query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
        return isLocal(here) ? Optional.of(here) : Optional.empty();
    }

    /** The path to go back to: {@code back} if it is a local path of ours, else the start page. */
    static String checked(String back) {
        return back != null && isLocal(back) ? back : START;
    }

    private static boolean isLocal(String path) {
        if (path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            // printable ASCII only (a browser sends the rest percent-encoded), and no backslash
            if (ch <= ' ' || ch >= 0x7f || ch == '\\') {
                return false;
            }
        }
        if (path.startsWith("/language/")) {
            return false;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
