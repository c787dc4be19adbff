package bg.digiclub.kiosk.agentlink;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A session event waiting to be delivered: one line of the spool file.
 *
 * @param seq  its place in the order of events, increasing
 * @param type {@code session.start}, {@code session.heartbeat} or {@code session.end}
 * @param body the event, as it goes on the wire
 */
record SpooledEvent(long seq, String type, JsonNode body) {
    SpooledEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    String sessionId() {
        return body.path("sessionId").asText(null);
    }
}
