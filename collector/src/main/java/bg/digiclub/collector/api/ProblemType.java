package bg.digiclub.collector.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the read API, its OpenAPI document and {@code /metrics} answer, with its
 * status, its title and a sentence for whoever follows its type URI. One list, so that the OpenAPI
 * document, the docs and the answers cannot drift apart (OpenApiDocumentTest compares them).
 */
public enum ProblemType {
    MISSING_TOKEN(
            401,
            "missing-token",
            "Token required",
            "The request has no Authorization: Bearer header with a read API token (dc_...). Ask the municipality "
                    + "for a token: collector token create, or the dashboard's API tokens page."),
    INVALID_TOKEN(
            401,
            "invalid-token",
            "Token not valid",
            "The token is unknown here or was revoked. Device tokens do not open the read API."),
    FORBIDDEN_SCOPE(
            403,
            "forbidden-scope",
            "Outside the token's scope",
            "A club's token reads that club's reports only: not another club's, nor the municipality's."),
    /** {@code /metrics} asked from an address outside {@code metrics.allowed-addresses} (part M's code). */
    METRICS_NOT_ALLOWED(
            403,
            "metrics-not-allowed",
            "Address not allowed",
            "/metrics answers only the addresses of the collector's metrics.allowed-addresses."),
    BAD_PERIOD(
            400,
            "bad-period",
            "Bad period",
            "The period parameter must name whole months: 2026-03, 2026-Q1, 2026-H1, 2026 or 2026-01..2026-05 "
                    + "(at most 60 months)."),
    BAD_SCOPE(
            400,
            "bad-scope",
            "Bad scope",
            "The scope parameter must be municipality or a club's id (GET /api/v1/reports/clubs lists them)."),
    UNKNOWN_CLUB(404, "unknown-club", "Unknown club", "This collector holds no club with that id."),
    NOT_FOUND(404, "not-found", "Not found", "There is nothing at this address; /api/v1/openapi.json lists what is."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "The read API answers GET only."),
    RATE_LIMITED(
            429,
            "rate-limited",
            "Too many requests",
            "The token sent more requests than its allowance; wait for the seconds of Retry-After."),
    INTERNAL(500, "internal", "Internal error", "The collector failed unexpectedly; its log says why. Retry later."),
    UNAVAILABLE(
            503, "unavailable", "Unavailable", "The collector's database is not available; retry after Retry-After.");

    private final int status;
    private final String code;
    private final String title;
    private final String description;

    ProblemType(int status, String code, String title, String description) {
        this.status = status;
        this.code = code;
        this.title = title;
        this.description = description;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** What the problem means and what to do, for whoever follows the type URI. */
    public String description() {
        return description;
    }

    /** The type URI: relative, resolved against the collector's address. */
    public String uri() {
        return Problems.TYPE_PATH + code;
    }

    /** This problem with the request's own detail. */
    public ProblemDetails with(String detail) {
        return new ProblemDetails(uri(), title, status, detail, code);
    }

    public static Optional<ProblemType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
