package bg.digiclub.agent.link;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.member.MemberStoreException;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.LinkError;
import bg.digiclub.common.link.wire.LinkResponse;

/**
 * Turns one request line into one response line: parses the envelope, checks the sizes of
 * everything in it, finds the handler for its type, and maps every failure to an error code. It
 * never throws, so a bad request cannot take a connection (or the server) down, and a refused
 * request changes nothing because each handler does its change in one transaction at the end.
 *
 * <p>Sizes are checked here, once, over the parsed tree, so every message type is covered
 * whatever its record says: no text longer than {@link #MAX_TEXT_CHARS} characters, no field
 * name longer than {@link #MAX_NAME_CHARS}, no list or object with more than {@link #MAX_ITEMS}
 * entries, nothing nested deeper than {@link #MAX_DEPTH}. A request over a limit is a bad
 * request naming the field, and the field's content is neither answered back nor logged.
 */
public final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    /**
     * The longest text value a request may hold anywhere, in characters: room for a long web
     * address the launcher opens, far less than a flood.
     */
    public static final int MAX_TEXT_CHARS = 1024;
    /** The longest field name, in characters; ours are far shorter, and names make up error messages. */
    public static final int MAX_NAME_CHARS = 64;
    /** The most items in one list (e.g. argv) or fields in one object. */
    public static final int MAX_ITEMS = 64;
    /** The deepest nesting of lists and objects, the envelope being the first level. */
    public static final int MAX_DEPTH = 8;
    /** How much of anything a client sent, or of a message made from it, is ever logged or answered back. */
    static final int SHOWN_CHARS = 200;

    private final ObjectMapper json;
    private final Map<String, Handler> handlers;

    private RequestDispatcher(ObjectMapper json, Map<String, Handler> handlers) {
        this.json = json;
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder(ObjectMapper json) {
        return new Builder(json);
    }

    /** The answer to one request line (UTF-8 JSON, without the newline). */
    public String handle(byte[] line) {
        String id = null;
        String type = null;
        LinkResponse<?> response;
        try {
            JsonNode tree = json.readTree(line);
            if (tree == null || !tree.isObject()) {
                throw new LinkException(ErrorCodes.BAD_REQUEST, "a request must be one JSON object per line");
            }
            id = readId(tree);
            checkSizes(tree, "", 1);
            type = readType(tree);
            for (var it = tree.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!field.equals("id") && !field.equals("type") && !field.equals("body")) {
                    throw new LinkException(
                            ErrorCodes.BAD_REQUEST,
                            "unknown field '" + field + "' in the request; expected id, type, body");
                }
            }
            Handler handler = handlers.get(type);
            if (handler == null) {
                throw new LinkException(
                        ErrorCodes.UNKNOWN_TYPE,
                        "unknown request type '" + abbreviate(type) + "'; known: "
                                + handlers.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            JsonNode body = tree.get("body");
            response = LinkResponse.success(
                    id, handler.handle(new Body(json, body == null || body.isNull() ? null : body)));
        } catch (Exception e) {
            response = LinkResponse.failure(id, toError(type, e));
        }
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            LOG.error("cannot write the answer to a {} request", type, e);
            return "{\"ok\":false,\"error\":{\"code\":\"internal\",\"message\":\"the answer could not be written\"}}";
        }
    }

    /** The answer to a line longer than the agent accepts. */
    public String tooLarge(int maxBytes) {
        LinkError error = new LinkError(
                ErrorCodes.TOO_LARGE, "request line longer than " + maxBytes + " bytes; it was discarded");
        try {
            return json.writeValueAsString(LinkResponse.failure(null, error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer to a request or connection turned away because its account asks too much. */
    public String busy(String why) {
        try {
            return json.writeValueAsString(LinkResponse.failure(null, new LinkError(ErrorCodes.BUSY, why)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer to a connection that is refused. */
    public String forbidden(String why) {
        try {
            return json.writeValueAsString(LinkResponse.failure(null, new LinkError(ErrorCodes.FORBIDDEN, why)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readId(JsonNode tree) throws LinkException {
        JsonNode id = tree.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() || id.textValue().length() > 64) {
            throw new LinkException(ErrorCodes.BAD_REQUEST, "'id' must be a string of at most 64 characters");
        }
        return id.textValue();
    }

    /**
     * Refuses the request if anything in it is over a size limit; {@code path} names where
     * ({@code body.wipe[3].detail}), never what.
     */
    private static void checkSizes(JsonNode node, String path, int depth) throws LinkException {
        if (node.isTextual()) {
            int length = node.textValue().length();
            if (length > MAX_TEXT_CHARS) {
                throw new LinkException(
                        ErrorCodes.BAD_REQUEST,
                        "'" + path + "' is " + length + " characters long; at most " + MAX_TEXT_CHARS
                                + " are accepted");
            }
            return;
        }
        if (!node.isContainerNode()) {
            return;
        }
        String where = path.isEmpty() ? "the request" : "'" + path + "'";
        if (depth > MAX_DEPTH) {
            throw new LinkException(ErrorCodes.BAD_REQUEST, where + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.size() > MAX_ITEMS) {
            throw new LinkException(
                    ErrorCodes.BAD_REQUEST,
                    where + " has " + node.size() + (node.isArray() ? " items" : " fields") + "; at most " + MAX_ITEMS
                            + " are accepted");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkSizes(node.get(i), path + "[" + i + "]", depth + 1);
            }
            return;
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (field.getKey().length() > MAX_NAME_CHARS) {
                throw new LinkException(
                        ErrorCodes.BAD_REQUEST,
                        "a field name in " + where + " is " + field.getKey().length() + " characters long; at most "
                                + MAX_NAME_CHARS + " are accepted");
            }
            checkSizes(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), depth + 1);
        }
    }

    private static String readType(JsonNode tree) throws LinkException {
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) {
            throw new LinkException(ErrorCodes.BAD_REQUEST, "'type' is missing or not a string");
        }
        return type.textValue();
    }

    private static LinkError toError(String type, Exception e) {
        if (e instanceof LinkException le) {
            return new LinkError(le.code(), le.getMessage());
        }
        if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
            // a record's constructor refused the values: a missing field (NPE names it) or a bad value
            Throwable cause = vie.getCause();
            String what = cause instanceof NullPointerException
                    ? "missing field '" + cause.getMessage() + "'"
                    : cause.getMessage();
            return new LinkError(
                    ErrorCodes.BAD_REQUEST, "bad body for " + type + ": " + abbreviate(String.valueOf(what)));
        }
        if (e instanceof JsonMappingException jme) {
            String path = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new LinkError(
                    ErrorCodes.BAD_REQUEST,
                    "bad body for " + type + (path.isEmpty() ? "" : " at '" + path + "'") + ": "
                            + firstLine(jme.getOriginalMessage()));
        }
        if (e instanceof JsonProcessingException jpe) {
            return new LinkError(ErrorCodes.BAD_REQUEST, "not valid JSON: " + firstLine(jpe.getOriginalMessage()));
        }
        if (e instanceof IllegalArgumentException) {
            return new LinkError(ErrorCodes.BAD_REQUEST, abbreviate(String.valueOf(e.getMessage())));
        }
        if (e instanceof MemberStoreException mse) {
            switch (mse.reason()) {
                case UNKNOWN_CARD:
                    return new LinkError(ErrorCodes.UNKNOWN_CARD, mse.getMessage());
                case ALREADY_DECLARED:
                    return new LinkError(ErrorCodes.ALREADY_DECLARED, mse.getMessage());
                default:
                    LOG.error("member store failed on {}", type, Shortened.of(mse));
                    return new LinkError(
                            ErrorCodes.INTERNAL, "the agent could not use its member store; nothing was changed");
            }
        }
        if (e instanceof SQLException || e instanceof IOException) {
            LOG.error("storage failed on {}", type, Shortened.of(e));
            return new LinkError(ErrorCodes.INTERNAL, "the agent could not use its database; nothing was changed");
        }
        LOG.error("unexpected failure on {}", type, Shortened.of(e));
        return new LinkError(ErrorCodes.INTERNAL, "the agent failed on this request; nothing was changed");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }

    static String abbreviate(String s) {
        return s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "… (" + s.length() + " characters)" : s;
    }

    /**
     * A failure as it goes to the log: its messages (and its causes') abbreviated, its stack
     * trace kept. A handler's exception may quote what the client sent.
     */
    static final class Shortened extends Exception {
        private static final long serialVersionUID = 1L;
        private static final int MAX_CAUSES = 4;

        private Shortened(Throwable original, int depth) {
            super(
                    original.getClass().getName()
                            + (original.getMessage() == null ? "" : ": " + abbreviate(original.getMessage())),
                    original.getCause() == null || depth >= MAX_CAUSES
                            ? null
                            : new Shortened(original.getCause(), depth + 1),
                    false,
                    true);
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original) {
            return new Shortened(original, 0);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** Answers one type of request; returns the response body. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Body body) throws Exception;
    }

    /** A request's body, read into the record a handler expects. */
    public static final class Body {
        private final ObjectMapper json;
        private final JsonNode node;

        Body(ObjectMapper json, JsonNode node) {
            this.json = json;
            this.node = node;
        }

        /** The body as a {@code type}; a bad-request error if it is missing or does not fit. */
        public <T> T as(Class<T> type) throws LinkException, JsonProcessingException {
            if (node == null) {
                throw new LinkException(ErrorCodes.BAD_REQUEST, "'body' is missing; expected " + type.getSimpleName());
            }
            if (!node.isObject()) {
                throw new LinkException(
                        ErrorCodes.BAD_REQUEST, "'body' must be a JSON object (" + type.getSimpleName() + ")");
            }
            return json.treeToValue(node, type);
        }
    }

    /** Collects the handlers, one per request type. */
    public static final class Builder {
        private final ObjectMapper json;
        private final Map<String, Handler> handlers = new HashMap<>();

        private Builder(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
        }

        public Builder on(String type, Handler handler) {
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalStateException("two handlers for " + type);
            }
            return this;
        }

        public RequestDispatcher build() {
            return new RequestDispatcher(json, handlers);
        }
    }
}
