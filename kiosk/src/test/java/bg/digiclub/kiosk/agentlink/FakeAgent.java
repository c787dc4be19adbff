package bg.digiclub.kiosk.agentlink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the agent on a real Unix-domain socket, speaking the wire format of
 * {@code bg.digiclub.common.link.wire}. A fake because the kiosk module may not depend on the
 * agent (SQLite, OSHI); the agent's own tests and the system tests cover the real server. It
 * hands out one session with a secret and checks it like the agent, records every request it
 * receives (and its body), and can be told to go silent or to refuse a request type.
 */
final class FakeAgent implements AutoCloseable {
    static final String CARD = "12345678";
    /** A staff PIN this fake answers with "locked for 7.5 minutes". */
    static final String LOCKED_STAFF_PIN = "00000000";

    static final String CARD_PIN = "4321";
    static final String STAFF_PIN = "24681357";

    private final ObjectMapper json = LinkJson.mapper();
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    /** Every request received, as "type sessionId" or just "type". */
    final List<String> received = new CopyOnWriteArrayList<>();
    /** Every request's body, in order. */
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    private String openSession;
    private int sessions;
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private volatile boolean silent;
    private volatile String staffToken;
    private boolean helpCalled;

    private FakeAgent(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    static FakeAgent start(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        FakeAgent agent = new FakeAgent(socket, server);
        Thread t = new Thread(agent::accept, "fake-agent");
        t.setDaemon(true);
        t.start();
        return agent;
    }

    /** Read requests but never answer. */
    void goSilent(boolean silent) {
        this.silent = silent;
    }

    /** Answer every request of {@code type} with this error code. */
    synchronized void refuse(String type, String code) {
        refusals.put(type, code);
    }

    synchronized void stopRefusing(String type) {
        refusals.remove(type);
    }

    /** Forget the staff login, as when the token expired. */
    void expireStaffToken() {
        staffToken = null;
    }

    synchronized List<String> sessionRequests() {
        return received.stream()
                .filter(r -> r.startsWith("session.") && !r.startsWith("session.open"))
                .toList();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "fake-agent-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(c)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode request = json.readTree(line);
                String answer = json.writeValueAsString(answer(request));
                if (!silent) {
                    out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private synchronized ObjectNode answer(JsonNode request) {
        String type = request.path("type").asText();
        JsonNode body = request.path("body");
        String sessionId = body.path("sessionId").asText(null);
        received.add(sessionId == null ? type : type + " " + sessionId);
        bodies.add(body);
        ObjectNode answer = json.createObjectNode().put("id", request.path("id").asText());
        String refusal = refusals.get(type);
        if (refusal != null) {
            answer.put("ok", false).putObject("error").put("code", refusal).put("message", "refused by the test");
            return answer;
        }
        answer.put("ok", true);
        ObjectNode out = answer.putObject("body");
        switch (type) {
            case "session.start" -> {
                if (openSession != null) {
                    return error(request, "busy");
                }
                if (body.path("kind").asText().equals("MEMBER")
                        && !"ticket-1".equals(body.path("memberTicket").asText())) {
                    return error(request, "member_auth_required");
                }
                openSession = "s-" + ++sessions;
                out.put("sessionId", openSession)
                        .put("secret", "secret-" + sessions)
                        .put("startedAt", "2026-11-25T07:00:00Z")
                        .put("remainingSeconds", body.path("allowedMinutes").asLong() * 60);
            }
            case "session.heartbeat" -> {
                if (!ownsOpenSession(body)) {
                    return error(request, "session_auth_required");
                }
                out.put("remainingSeconds", 1234);
            }
            case "session.end" -> {
                if (!ownsOpenSession(body)) {
                    return error(request, "session_auth_required");
                }
                if (body.path("reason").asText().equals("STAFF") && !staffOk(body.path("staffToken"))) {
                    return error(request, "staff_auth_required");
                }
                openSession = null;
                out.putArray("wipe")
                        .addObject()
                        .put("step", "reset-home")
                        .put("ok", true)
                        .put("detail", "from template");
            }
            case "session.extend" -> {
                if (!staffOk(body.path("staffToken"))) {
                    return error(request, "staff_auth_required");
                }
                out.put("remainingSeconds", 1234 + body.path("minutes").asLong() * 60);
            }
            case "session.open" -> out.put("open", openSession != null).put("outOfOrder", false);
            case "app.launch", "maintenance.start", "maintenance.end" -> {
                // recorded above
            }
            case "member.login" -> {
                boolean ok = CARD.equals(body.path("code").asText().replace(" ", ""))
                        && CARD_PIN.equals(body.path("pin").asText());
                out.put("outcome", ok ? "OK" : "WRONG_PIN")
                        .put("allowedNow", ok ? "PT1H" : "PT0S")
                        .put("lockedFor", "PT0S");
                if (ok) {
                    out.put("ticket", "ticket-1");
                }
            }
            case "member.declare" -> {
                if (!"ticket-1".equals(body.path("ticket").asText())) {
                    return error(request, "member_auth_required");
                }
            }
            case "staff.login" -> {
                if (STAFF_PIN.equals(body.path("pin").asText())) {
                    staffToken = "staff-token-1";
                    out.put("outcome", "OK").put("token", staffToken).put("lockedFor", "PT0S");
                } else if (LOCKED_STAFF_PIN.equals(body.path("pin").asText())) {
                    out.put("outcome", "LOCKED").put("lockedFor", "PT7M30S");
                } else {
                    out.put("outcome", "WRONG_PIN").put("lockedFor", "PT0S");
                }
            }
            case "staff.logout" -> {
                if (body.path("token").asText().equals(staffToken)) {
                    staffToken = null;
                }
            }
            case "member.list" -> {
                if (staffToken == null || !staffToken.equals(body.path("token").asText())) {
                    return error(request, "staff_auth_required");
                }
                answer.putArray("body")
                        .addObject()
                        .put("code", CARD)
                        .put("disabled", false)
                        .put("locked", false)
                        .put("usedToday", "PT25M");
            }
            case "pc.notices" -> {
                boolean running = openSession != null;
                out.put("mode", running ? "IN_SESSION" : "FREE")
                        .put("minutesToClosing", 10)
                        .put("reservedFor", 7)
                        .put("queueWaiting", false)
                        .put("help", helpCalled ? "CALLED" : "NONE")
                        .put("graceMinutes", running ? 15 : 0);
                if (running) {
                    out.put("remainingSeconds", 240);
                }
                out.putObject("message").put("id", "m-1").put("text", "Затваряме в 19:00. We close at 7 pm.");
            }
            case "notice.ack" -> {
                // recorded above
            }
            case "help.call" -> {
                helpCalled = true;
                answer.put("body", "CALLED");
            }
            case "session.grace" -> {
                if (!ownsOpenSession(body)) {
                    return error(request, "session_auth_required");
                }
                out.put("remainingSeconds", 240 + 15 * 60);
            }
            case "session.approve" -> {
                if (!staffOk(body.path("token"))) {
                    return error(request, "staff_auth_required");
                }
            }
            case "health" ->
                out.put("overall", "OK")
                        .put("sampledAt", "2026-11-25T07:00:00Z")
                        .putArray("checks");
            default -> {
                return error(request, "unknown_type");
            }
        }
        return answer;
    }

    private boolean ownsOpenSession(JsonNode body) {
        String id = body.path("sessionId").asText();
        return id.equals(openSession) && body.path("secret").asText().equals("secret-" + id.substring(2));
    }

    private boolean staffOk(JsonNode token) {
        return staffToken != null && staffToken.equals(token.asText());
    }

    private ObjectNode error(JsonNode request, String code) {
        ObjectNode answer =
                json.createObjectNode().put("id", request.path("id").asText()).put("ok", false);
        answer.putObject("error").put("code", code).put("message", "fake agent says " + code);
        return answer;
    }

    /** Stops listening and drops every connection: the agent is gone. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : connections) {
            c.close();
        }
        Files.deleteIfExists(socket);
    }
}
