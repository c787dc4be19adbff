package bg.digiclub.collector.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}), the body of every error
 * of the read API, its OpenAPI document and {@code /metrics}. The device API keeps its own
 * {@code common.batch.Problem} (docs/collector.md, "Read API", says why).
 *
 * @param type   a URI reference naming the kind of problem: {@code /api/v1/problems/<code>}, which
 *               the collector answers with a sentence about it
 * @param title  the same short English text for every problem of that type
 * @param status the HTTP status, repeated for logs and tools that lose it
 * @param detail what was wrong with this request
 * @param code   the type's stable short name, for programs ({@code invalid-token})
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "code"})
public record ProblemDetails(String type, String title, int status, String detail, String code) {
    public ProblemDetails {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status is 400-599, was " + status);
        }
    }
}
