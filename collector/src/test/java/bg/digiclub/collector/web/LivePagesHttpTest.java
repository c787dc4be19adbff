package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;

/**
 * The mentor's console over real HTTP: the room's JSON, commands issued with the form (and refused
 * without its token), the queue, the club's settings and the audit log, on both databases; club
 * staff only their club.
 */
class LivePagesHttpTest {
    private static final String RODINA = "/clubs/" + RunningCollector.RODINA.id();
    private static final String ZAGORE = "/clubs/" + RunningCollector.ZAGORE.id();

    @TempDir
    Path temp;

    /** A signed-in browser: its cookie and the token its pages carry. */
    private record Browser(RunningCollector c, String cookie, String csrf) {
        static Browser signIn(RunningCollector c, String user) throws Exception {
            String cookie = c.login(user, RunningCollector.PASSWORD);
            HttpResponse<String> room =
                    c.http.send(c.http.request(RODINA + "/room").header("Cookie", cookie));
            assertEquals(200, room.statusCode(), room.body());
            String csrf = Jsoup.parse(room.body())
                    .selectFirst("meta[name=csrf-token]")
                    .attr("content");
            assertFalse(csrf.isBlank());
            return new Browser(c, cookie, csrf);
        }

        HttpResponse<String> get(String path) throws Exception {
            return c.http.send(c.http.request(path).header("Cookie", cookie));
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return c.http.send(c.http.request(path)
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** A form as the page sends it: with the token. */
        HttpResponse<String> submit(String path, Map<String, String> fields) throws Exception {
            Map<String, String> withToken = new LinkedHashMap<>(fields);
            withToken.put("csrf", csrf);
            return post(path, withToken);
        }

        JsonNode room(String club) throws Exception {
            HttpResponse<String> response = get(club + "/room.json");
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            return c.json.readTree(response.body());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCommandIsStoredOnlyWithTheFormsTokenAndShowsInTheRoom(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc1 = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse pc2 = c.enrol(RunningCollector.RODINA_CODE);
            Browser rodina = Browser.signIn(c, "rodina");
            Map<String, String> message =
                    Map.of("pc", pc2.deviceId().toString(), "kind", "MESSAGE", "text", "Затваряме в 18:00");

            assertEquals(403, rodina.post(RODINA + "/commands", message).statusCode(), "no token");
            Map<String, String> forged = new LinkedHashMap<>(message);
            forged.put("csrf", "0".repeat(64));
            assertEquals(403, rodina.post(RODINA + "/commands", forged).statusCode(), "a wrong token");
            assertEquals(0, rodina.room(RODINA).get("commands").size(), "nothing stored");

            HttpResponse<String> sent = rodina.submit(RODINA + "/commands", message);
            assertEquals(303, sent.statusCode(), sent.body());
            assertEquals(RODINA + "/room", sent.headers().firstValue("Location").orElseThrow());

            JsonNode room = rodina.room(RODINA);
            assertEquals("08:00:00", room.get("at").asText(), "the collector's time in the club's zone");
            assertEquals(2, room.get("tiles").size());
            JsonNode tile = room.get("tiles").get(1);
            assertEquals(pc2.deviceId().toString(), tile.get("device").asText());
            assertEquals("OFF", tile.get("mode").asText(), "never connected");
            assertEquals("Изключен", tile.get("state").asText());
            JsonNode command = room.get("commands").get(0);
            assertEquals(pc2.deviceNumber(), command.get("pc").asInt());
            assertEquals("Съобщение: „Затваряме в 18:00“", command.get("what").asText());
            assertEquals("PENDING", command.get("state").asText());
            assertEquals("rodina", command.get("by").asText());
            assertTrue(command.get("recent").asBoolean(), "its tile shows how it went");

            c.clock.advance(RoomJson.RECENT.plusSeconds(1));
            assertFalse(rodina.room(RODINA).get("commands").get(0).get("recent").asBoolean(), "only the list does");

            HttpResponse<String> toAll = rodina.submit(RODINA + "/commands", Map.of("pc", "all", "kind", "RESTART"));
            assertEquals(303, toAll.statusCode(), toAll.body());
            assertEquals(3, rodina.room(RODINA).get("commands").size(), "one restart per PC");

            HttpResponse<String> noSession = rodina.submit(
                    RODINA + "/commands", Map.of("pc", pc1.deviceId().toString(), "kind", "END_SESSION"));
            assertEquals(400, noSession.statusCode());
            Document refused = Jsoup.parse(noSession.body());
            assertTrue(refused.getElementById("error").text().contains("няма сесия"), noSession.body());
            assertEquals(RODINA + "/room", refused.getElementById("back").attr("href"));

            Document log = Jsoup.parse(rodina.get(RODINA + "/log").body());
            assertEquals(3, log.select("#audit-log tbody tr").size(), log.text());
            assertTrue(log.text().contains("Съобщение: „Затваряме в 18:00“"), log.text());
            assertTrue(log.text().contains("Рестартирай"), log.text());
        }
    }

    @Test
    void clubStaffActOnlyForTheirClubAndTheMunicipalityForAll() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse zagorePc = c.enrol(RunningCollector.ZAGORE_CODE);
            Browser rodina = Browser.signIn(c, "rodina");
            assertEquals(403, rodina.get(ZAGORE + "/room").statusCode());
            assertEquals(403, rodina.get(ZAGORE + "/room.json").statusCode());
            assertEquals(403, rodina.get(ZAGORE + "/settings").statusCode());
            assertEquals(403, rodina.get(ZAGORE + "/log").statusCode());
            Map<String, String> restart = Map.of("pc", zagorePc.deviceId().toString(), "kind", "RESTART");
            assertEquals(403, rodina.submit(ZAGORE + "/commands", restart).statusCode());
            assertEquals(400, rodina.submit(RODINA + "/commands", restart).statusCode(), "another club's PC");
            assertEquals(403, rodina.submit(ZAGORE + "/queue", Map.of()).statusCode());

            Browser obshtina = Browser.signIn(c, "obshtina");
            assertEquals(1, obshtina.room(ZAGORE).get("tiles").size());
            assertEquals(303, obshtina.submit(ZAGORE + "/commands", restart).statusCode());
            assertEquals(0, rodina.room(RODINA).get("commands").size());
            assertEquals(1, obshtina.room(ZAGORE).get("commands").size());
            assertEquals(404, obshtina.get("/clubs/no-such-club/room.json").statusCode());
            assertEquals(302, c.http.send(c.http.request(RODINA + "/room.json")).statusCode(), "signed out");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theSettingsFormTurnsTheQueueOnAndTheQueueGivesNumbers(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            c.enrol(RunningCollector.RODINA_CODE);
            Browser rodina = Browser.signIn(c, "rodina");
            assertFalse(rodina.room(RODINA).get("queue").get("enabled").asBoolean(), "off by default");

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("opens-1-0", "09:00");
            settings.put("closes-1-0", "12:00");
            settings.put("opens-1-1", "13:00");
            settings.put("closes-1-1", "18:00");
            settings.put("queue", "on");
            settings.put("reservation", "7");
            settings.put("grace", "10");
            settings.put("shutdownAfter", "30");
            settings.put("wakeBefore", "");
            assertEquals(403, rodina.post(RODINA + "/settings", settings).statusCode(), "no token");
            HttpResponse<String> saved = rodina.submit(RODINA + "/settings", settings);
            assertEquals(303, saved.statusCode(), saved.body());
            Document form = Jsoup.parse(rodina.get(RODINA + "/settings?saved").body());
            assertTrue(form.getElementById("saved") != null);
            assertEquals("13:00", form.getElementById("opens-1-1").val());
            assertEquals("", form.getElementById("opens-2-0").val(), "closed on Tuesdays");
            assertTrue(form.getElementById("queue").hasAttr("checked"));
            assertEquals("7", form.getElementById("reservation").val());
            assertEquals("30", form.getElementById("shutdownAfter").val());
            assertEquals("", form.getElementById("wakeBefore").val());

            settings.put("closes-1-1", "12:30");
            HttpResponse<String> wrong = rodina.submit(RODINA + "/settings", settings);
            assertEquals(400, wrong.statusCode());
            assertTrue(Jsoup.parse(wrong.body()).getElementById("error").text().contains("Пн"), wrong.body());

            HttpResponse<String> added = rodina.submit(RODINA + "/queue", Map.of());
            assertEquals(303, added.statusCode(), added.body());
            String location = added.headers().firstValue("Location").orElseThrow();
            assertEquals(RODINA + "/room?number=1", location);
            assertEquals(
                    "№ 1",
                    Jsoup.parse(rodina.get(location).body())
                            .selectFirst("#queue-number strong")
                            .text());
            rodina.submit(RODINA + "/queue", Map.of());
            JsonNode queue = rodina.room(RODINA).get("queue");
            assertTrue(queue.get("enabled").asBoolean());
            assertEquals(2, queue.get("waiting").size() + queue.get("held").size(), queue.toString());

            assertEquals(
                    303,
                    rodina.submit(RODINA + "/queue/remove", Map.of("number", "2"))
                            .statusCode());
            assertEquals(
                    400,
                    rodina.submit(RODINA + "/queue/remove", Map.of("number", "2"))
                            .statusCode(),
                    "gone");

            Document log = Jsoup.parse(rodina.get(RODINA + "/log").body());
            String text = log.select("#audit-log tbody").text();
            assertTrue(text.contains("Променени настройки"), text);
            assertTrue(text.contains("Опашка: даден номер 2"), text);
            assertTrue(text.contains("Опашка: махнат номер 2"), text);
        }
    }
}
