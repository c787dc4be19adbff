package bg.digiclub.systemtest.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;

import bg.digiclub.common.live.CommandKind;

/**
 * The club page's live console as the mentor uses it, over real HTTP: the room view's data
 * ({@code room.json}, which the page's script reads every 2 s: tiles, queue, commands with their
 * state and answer) and its forms, submitted as the browser submits them (the page read, its
 * form's own fields and CSRF token sent with the mentor's choices).
 */
public final class ClubRoomPage {
    /** A PC's tile as the page shows it; {@code mode} is a PcMode name or OFF. */
    public record Tile(
            UUID device, int number, String mode, String detail, String help, String reserved, Instant session) {}

    /** A line of the page's commands list: its state (a CommandState name) and the PC's answer. */
    public record CommandLine(int pc, String what, String state, String answer, String by) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DashboardClient staff;
    private final String club;

    public ClubRoomPage(DashboardClient staff, String club) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.club = Objects.requireNonNull(club, "club");
    }

    private String room() {
        return "/clubs/" + club + "/room";
    }

    /** The tiles, by PC number. */
    public List<Tile> tiles() throws IOException, InterruptedException {
        List<Tile> tiles = new ArrayList<>();
        for (JsonNode t : json().path("tiles")) {
            tiles.add(new Tile(
                    UUID.fromString(t.path("device").asText()),
                    t.path("number").asInt(),
                    t.path("mode").asText(),
                    text(t, "detail"),
                    text(t, "help"),
                    text(t, "reserved"),
                    t.path("session").isNull() || t.path("session").isMissingNode()
                            ? null
                            : Instant.parse(t.path("session").asText())));
        }
        return tiles;
    }

    /** PC {@code number}'s tile. */
    public Tile tile(int number) throws IOException, InterruptedException {
        return tiles().stream()
                .filter(t -> t.number() == number)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tile of PC " + number + " on the club page"));
    }

    /** The commands list, newest first. */
    public List<CommandLine> commands() throws IOException, InterruptedException {
        List<CommandLine> lines = new ArrayList<>();
        for (JsonNode c : json().path("commands")) {
            lines.add(new CommandLine(
                    c.path("pc").asInt(),
                    c.path("what").asText(),
                    c.path("state").asText(),
                    text(c, "answer"),
                    c.path("by").asText()));
        }
        return lines;
    }

    /** The queue's numbers waiting, in order. */
    public List<Integer> waiting() throws IOException, InterruptedException {
        List<Integer> numbers = new ArrayList<>();
        json().path("queue").path("waiting").forEach(n -> numbers.add(n.asInt()));
        return numbers;
    }

    /** The queue's holds, in words ("№1 → PC 1 until 09:35"). */
    public List<String> held() throws IOException, InterruptedException {
        List<String> held = new ArrayList<>();
        json().path("queue").path("held").forEach(n -> held.add(n.asText()));
        return held;
    }

    /**
     * Sends a command to PC {@code number} with the page's forms: MESSAGE with the message form
     * ({@code text}), every other kind with the action form ({@code minutes}, and for an extension
     * or end the session the tile shows).
     */
    public void send(int number, CommandKind kind, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> values = new HashMap<>(fields);
        values.put("pc", tile(number).device().toString());
        values.put("kind", kind.name());
        submit(kind == CommandKind.MESSAGE ? "#message-form" : "#action-form", values);
    }

    /** A message to PC {@code number}. */
    public void message(int number, String text) throws IOException, InterruptedException {
        send(number, CommandKind.MESSAGE, Map.of("text", text));
    }

    /** A message to every PC of the club (the form's "all PCs"): one command per PC. */
    public void messageToAll(String text) throws IOException, InterruptedException {
        submit("#message-form", Map.of("pc", "all", "kind", CommandKind.MESSAGE.name(), "text", text));
    }

    /** "Add a number" on the queue panel; the number the page shows big to read out. */
    public int enqueue() throws IOException, InterruptedException {
        HttpResponse<String> answer = submit("#queue-form", Map.of());
        String location = answer.headers().firstValue("Location").orElseThrow();
        return Integer.parseInt(location.substring(location.indexOf("number=") + "number=".length()));
    }

    /** The audit log page's rows, newest first: time, who, action, PC, result (each cell's text). */
    public List<List<String>> auditLog() throws IOException, InterruptedException {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : staff.document("/clubs/" + club + "/log").select("#audit-log tbody tr")) {
            rows.add(row.select("td").stream().map(Element::text).toList());
        }
        return rows;
    }

    /** The club settings form, with these fields changed (e.g. {@code queue=on}, {@code reservation=5}). */
    public void settings(Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> answer = staff.submit("/clubs/" + club + "/settings", "#settings-form", fields);
        if (answer.statusCode() / 100 != 3) {
            throw new AssertionError("the settings were refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    private HttpResponse<String> submit(String form, Map<String, String> values)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = staff.submit(room(), form, values);
        if (answer.statusCode() / 100 != 3) {
            throw new AssertionError(
                    "the club page refused " + form + " " + values + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }

    private JsonNode json() throws IOException, InterruptedException {
        return JSON.readTree(staff.page(room() + ".json"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
