package bg.digiclub.collector.api;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * Writes RFC 9457 problem details: status, {@code Content-Type: application/problem+json} and the
 * body. The one writer of the read API's, the OpenAPI document's and {@code /metrics}' errors:
 * {@code Problems.send(ctx, ProblemType.METRICS_NOT_ALLOWED.with("..."))}.
 */
public final class Problems {
    /** The media type of RFC 9457. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Where the problem types live: {@code /api/v1/problems/<code>} answers what each means. */
    public static final String TYPE_PATH = "/api/v1/problems/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** Answers the problem: its status, the media type, no caching, the JSON body. */
    public static void send(Context ctx, ProblemDetails problem) {
        ctx.status(problem.status())
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MEDIA_TYPE)
                .result(json(problem));
    }

    /** The problem's JSON. */
    public static byte[] json(ProblemDetails problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a problem could not be written as JSON", e);
        }
    }
}
