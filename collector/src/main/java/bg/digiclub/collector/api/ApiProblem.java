package bg.digiclub.collector.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A refusal of a read API request: the problem to answer and the headers that go with it. */
final class ApiProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    ApiProblem(ProblemType type, String detail) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
    }

    ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ProblemDetails problem() {
        return type.with(getMessage());
    }

    Map<String, String> headers() {
        return headers;
    }
}
