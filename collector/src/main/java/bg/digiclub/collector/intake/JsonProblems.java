package bg.digiclub.collector.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns a JSON reading failure into a refusal that names the place in the document: 400 for
 * what cannot be read as the schema (syntax, unknown field, wrong type, missing field), 422 for
 * a readable document that breaks a rule of the contract (a range, a sum, the period).
 */
public final class JsonProblems {
    private JsonProblems() {}

    public static ApiException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new ApiException(
                    400, "unknown-field", "unknown field \"" + u.getPropertyName() + "\" at " + parentPath(u));
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            if (cause instanceof NullPointerException) {
                return new ApiException(400, "missing-field", cause.getMessage() + " at " + path(v));
            }
            return new ApiException(422, "invalid", cause.getMessage() + " (at " + path(v) + ")");
        }
        if (e instanceof InvalidFormatException f) {
            return new ApiException(
                    400,
                    "wrong-type",
                    "the value " + quote(f.getValue()) + " at " + path(f) + " is not a valid "
                            + f.getTargetType().getSimpleName());
        }
        if (e instanceof MismatchedInputException m) {
            String message = m.getOriginalMessage();
            String target = m.getTargetType() == null
                    ? ""
                    : " (expected " + m.getTargetType().getSimpleName() + ")";
            if (message.contains("Missing") || message.contains("null")) {
                return new ApiException(400, "missing-field", "the field " + path(m) + " is missing or null" + target);
            }
            return new ApiException(400, "wrong-type", firstLine(message) + " at " + path(m) + target);
        }
        if (e instanceof StreamReadException) {
            return new ApiException(
                    400, "malformed-json", "the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException m) {
            return new ApiException(400, "wrong-type", firstLine(m.getOriginalMessage()) + " at " + path(m));
        }
        return new ApiException(400, "malformed-json", firstLine(e.getOriginalMessage()));
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson mentions its own feature switches; a client cannot use them
        for (String hint : new String[] {" (set ", " (but might if "}) {
            int at = line.indexOf(hint);
            line = at < 0 ? line : line.substring(0, at);
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** JSONPath-like location: {@code $.usage.hours[3].sessionMinutes}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parentPath(UnrecognizedPropertyException e) {
        String full = path(e);
        String suffix = "." + e.getPropertyName();
        return full.endsWith(suffix) ? full.substring(0, full.length() - suffix.length()) : full;
    }
}
