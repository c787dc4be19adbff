package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.support.secret.SlowHash;

/**
 * The club's cards page over real HTTP: a card made there reaches the club's PCs as the keyed hash
 * of the code shown once and the slow hash of the PIN shown once; forms without the session's token
 * change nothing; club staff reach only their club's cards.
 */
class CardPagesHttpTest {
    private static final String CARDS = "/clubs/sz-rodina-1860/cards";

    @TempDir
    Path temp;

    private static String csrf(Document page) {
        return page.selectFirst("input[name=csrf]").attr("value");
    }

    private static CardSyncResponse sync(RunningCollector c, EnrolmentResponse pc, long cursor) throws Exception {
        LocalDate today = LocalDate.ofInstant(c.clock.instant(), RunningCollector.RODINA.timeZone());
        HttpResponse<String> response = c.http.send(c.http.request("/api/v1/cards/sync")
                .header("Authorization", "Bearer " + pc.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        c.json.writeValueAsString(new CardSyncRequest(cursor, today, List.of(), List.of())))));
        assertEquals(200, response.statusCode(), response.body());
        return c.json.readValue(response.body(), CardSyncResponse.class);
    }

    @Test
    void aCardMadeOnThePageIsTheClubsWithItsCodeAndPinShownOnce() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            String cookie = c.login("rodina", RunningCollector.PASSWORD);
            Document page = Jsoup.parse(c.get(cookie, CARDS).body());
            assertNotNull(page.selectFirst("#no-cards"));

            Document made = Jsoup.parse(
                    c.post(cookie, CARDS + "/new", "csrf=" + csrf(page)).body());
            String code = made.selectFirst("#shown-code").text();
            String pin = made.selectFirst("#shown-pin").text();
            assertTrue(code.matches("[0-9]{8}") && pin.matches("[0-9]{6}"), code + " " + pin);
            assertEquals(1, made.select("#cards tbody tr").size());
            assertFalse(c.get(cookie, CARDS).body().contains(code), "the code is shown once, then never");

            CardSyncResponse onPc = sync(c, pc, 0);
            CardRecord card = onPc.cards().get(0);
            assertEquals(new KeyedHash(onPc.clubKey()).hex(code), card.codeHash());
            SlowHash agentsHash = new SlowHash(SlowHash.PIN_ITERATIONS);
            assertTrue(agentsHash.matches(pin.toCharArray(), card.pinHash()));
            assertFalse(agentsHash.needsRehash(card.pinHash()), "the PIN hashed as the agents hash it");

            Document found = Jsoup.parse(c.post(
                            cookie,
                            CARDS + "/find",
                            "csrf=" + csrf(page) + "&code=" + code.substring(0, 4) + "-" + code.substring(4))
                    .body());
            String reference = found.selectFirst("#shown-reference").text();
            assertEquals("#" + card.codeHash().substring(0, 10), reference);

            Document newPin = Jsoup.parse(c.post(cookie, CARDS + "/" + card.codeHash() + "/pin", "csrf=" + csrf(page))
                    .body());
            String pin2 = newPin.selectFirst("#shown-pin").text();
            CardRecord changed = sync(c, pc, onPc.cursor()).cards().get(0);
            assertTrue(agentsHash.matches(pin2.toCharArray(), changed.pinHash()));

            c.post(cookie, CARDS + "/" + card.codeHash() + "/disable", "csrf=" + csrf(page));
            assertTrue(sync(c, pc, changed.version()).cards().get(0).disabled());
        }
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("rodina", RunningCollector.PASSWORD);
            assertEquals(403, c.post(cookie, CARDS + "/new", "").statusCode());
            assertEquals(
                    403,
                    c.post(cookie, CARDS + "/new", "csrf=" + "0".repeat(64)).statusCode());
            String other = c.login("obshtina", RunningCollector.PASSWORD);
            String othersToken = csrf(Jsoup.parse(c.get(other, CARDS).body()));
            assertEquals(
                    403, c.post(cookie, CARDS + "/new", "csrf=" + othersToken).statusCode());
            assertEquals(0, c.count("SELECT COUNT(*) FROM club_cards"));
        }
    }

    @Test
    void clubStaffReachOnlyTheirClubsCards() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("rodina", RunningCollector.PASSWORD);
            assertEquals(200, c.get(cookie, CARDS).statusCode());
            assertEquals(403, c.get(cookie, "/clubs/zagore-probuda-1928/cards").statusCode());
            String token = csrf(Jsoup.parse(c.get(cookie, CARDS).body()));
            assertEquals(
                    403,
                    c.post(cookie, "/clubs/zagore-probuda-1928/cards/new", "csrf=" + token)
                            .statusCode());
            String municipality = c.login("obshtina", RunningCollector.PASSWORD);
            assertEquals(
                    200, c.get(municipality, "/clubs/zagore-probuda-1928/cards").statusCode());
            assertEquals(0, c.count("SELECT COUNT(*) FROM club_cards"));
        }
    }
}
