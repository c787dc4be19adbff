package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request bodies of the session contract the attacks use, written out as JSON by hand (not
 * with the kiosk's records) so that a test sends exactly what an attacker would: the new
 * contract of issue 9 (the agent is the session authority, a per-session secret), and the old
 * one (the client's own ids and times, no secret), which the agent must no longer honour.
 */
final class SessionWire {
    static final String START = "session.start";
    static final String HEARTBEAT = "session.heartbeat";
    static final String END = "session.end";
    static final String OPEN = "session.open";
    /** The error code of a heartbeat or end without the session's secret. */
    static final String SESSION_AUTH_REQUIRED = "session_auth_required";

    /** A session the agent started: its id and secret as answered, its start as the agent recorded it. */
    record Started(String sessionId, String secret, Instant startedAt, JsonNode answer) {}

    private SessionWire() {}

    /** {@code session.start} of the new contract for a guest. */
    static ObjectNode guestStart() {
        ObjectNode body = KioskLine.JSON.createObjectNode();
        body.put("kind", "GUEST");
        body.putNull("memberTicket");
        body.set("demographics", demographics());
        body.put("allowedMinutes", 60);
        return body;
    }

    /** {@code session.start} of the new contract for a member, with the ticket given (may be null). */
    static ObjectNode memberStart(String ticket) {
        ObjectNode body = guestStart();
        body.put("kind", "MEMBER");
        body.put("memberTicket", ticket);
        return body;
    }

    static ObjectNode heartbeat(String sessionId, String secret) {
        ObjectNode body = KioskLine.JSON.createObjectNode();
        body.put("sessionId", sessionId);
        if (secret != null) {
            body.put("secret", secret);
        }
        return body;
    }

    static ObjectNode end(String sessionId, String secret, String reason, String staffToken) {
        ObjectNode body = heartbeat(sessionId, secret);
        body.put("reason", reason);
        body.put("staffToken", staffToken);
        return body;
    }

    /** The old {@code session.start}: the client's id, start time and member code, no secret. */
    static ObjectNode legacyStart(String sessionId, String memberCode, Instant startedAt) {
        ObjectNode body = KioskLine.JSON.createObjectNode();
        body.put("sessionId", sessionId);
        body.put("kind", memberCode == null ? "GUEST" : "MEMBER");
        body.put("memberCode", memberCode);
        body.set("demographics", demographics());
        body.put("startedAt", startedAt.toString());
        body.put("allowed", "PT1H");
        return body;
    }

    /** The old {@code session.heartbeat}: the client's time, no secret. */
    static ObjectNode legacyHeartbeat(String sessionId, Instant at) {
        ObjectNode body = KioskLine.JSON.createObjectNode();
        body.put("sessionId", sessionId);
        body.put("at", at.toString());
        body.put("remaining", "PT30M");
        return body;
    }

    /** The old {@code session.end}: the client's time and reason, and a wipe report it made up. */
    static ObjectNode legacyEnd(String sessionId, Instant endedAt, String reason, String wipeDetail) {
        ObjectNode body = KioskLine.JSON.createObjectNode();
        body.put("sessionId", sessionId);
        body.put("endedAt", endedAt.toString());
        body.put("reason", reason);
        ObjectNode step = body.putArray("wipe").addObject();
        step.put("step", "browser-profile");
        step.put("ok", true);
        step.put("detail", wipeDetail);
        return body;
    }

    /** Starts a guest session the way the kiosk does; fails the test unless the agent answers a secret. */
    static Started startGuest(KioskLine kiosk) throws IOException {
        JsonNode answer = kiosk.call(START, guestStart());
        assertTrue(
                answer.path("ok").asBoolean(false), "session.start of the new contract (issue 9) refused: " + answer);
        JsonNode body = answer.path("body");
        assertTrue(
                body.path("sessionId").isTextual()
                        && body.path("secret").isTextual()
                        && !body.path("secret").asText().isEmpty()
                        && body.path("startedAt").isTextual(),
                "session.start answers sessionId, secret and startedAt: " + answer);
        return new Started(
                body.get("sessionId").asText(),
                body.get("secret").asText(),
                Instant.parse(body.get("startedAt").asText()),
                answer);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static boolean ok(JsonNode answer) {
        return answer.path("ok").asBoolean(false);
    }

    static String errorCode(JsonNode answer) {
        return answer.path("error").path("code").asText("");
    }

    private static ObjectNode demographics() {
        ObjectNode d = KioskLine.JSON.createObjectNode();
        d.put("ageBand", "AGE_30_54");
        d.put("sex", "FEMALE");
        return d;
    }
}
