package bg.digiclub.collector.cards;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.testing.LivePc;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Problem;
import bg.digiclub.common.cards.CardMinutes;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.Room;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.support.secret.SlowHash;

/**
 * {@code POST /api/v1/cards/sync} over real HTTP against the real server, on SQLite and PostgreSQL:
 * cards move between the PCs of a club and never to another club's, the later change wins, minutes
 * add up over the club's other PCs.
 */
class CardSyncHttpTest {
    private static final SlowHash PINS = new SlowHash(SlowHash.MIN_ITERATIONS);

    @TempDir
    Path temp;

    private LocalDate today(RunningCollector c) {
        return LocalDate.ofInstant(c.clock.instant(), RunningCollector.RODINA.timeZone());
    }

    private CardSyncResponse sync(RunningCollector c, EnrolmentResponse pc, CardSyncRequest request) throws Exception {
        HttpResponse<String> response = post(c, pc.token(), c.json.writeValueAsString(request));
        assertEquals(200, response.statusCode(), response.body());
        return c.json.readValue(response.body(), CardSyncResponse.class);
    }

    private static HttpResponse<String> post(RunningCollector c, String token, String body) throws Exception {
        return c.http.send(c.http.request("/api/v1/cards/sync")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private CardSyncRequest empty(RunningCollector c, long cursor) {
        return new CardSyncRequest(cursor, today(c), List.of(), List.of());
    }

    private static CardRecord card(String key, String code, String pin, Instant at, boolean disabled) {
        return new CardRecord(new KeyedHash(key).hex(code), PINS.hash(pin.toCharArray()), null, disabled, at, 0);
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCardMadeOnOnePcReachesTheClubsOtherPcsAndNoOtherClub(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse b = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse other = c.enrol(RunningCollector.ZAGORE_CODE);
            CardSyncResponse first = sync(c, a, empty(c, 0));
            assertTrue(first.cards().isEmpty());
            assertEquals(0, first.cursor());
            String key = first.clubKey();
            assertEquals(key, sync(c, b, empty(c, 0)).clubKey(), "one key per club");

            Instant at = c.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CardRecord made = card(key, "12345678", "482913", at, false);
            CardSyncResponse afterChange = sync(c, a, new CardSyncRequest(0, today(c), List.of(made), List.of()));
            assertEquals(1, afterChange.cursor());
            assertEquals(List.of(withVersion(made, 1)), afterChange.cards());

            CardSyncResponse onB = sync(c, b, empty(c, 0));
            assertEquals(List.of(withVersion(made, 1)), onB.cards());
            assertEquals(1, onB.cursor());
            assertTrue(sync(c, b, empty(c, onB.cursor())).cards().isEmpty(), "nothing new after the cursor");

            CardSyncResponse elsewhere = sync(c, other, empty(c, 0));
            assertNotEquals(key, elsewhere.clubKey(), "each club has its own key");
            assertTrue(elsewhere.cards().isEmpty(), "another club's PC sees none of the club's cards");
            assertEquals(1, c.count("SELECT COUNT(*) FROM club_cards"));
            assertEquals(0, c.count("SELECT COUNT(*) FROM club_cards WHERE club_id = 'zagore-probuda-1928'"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theLaterChangeWinsWhicheverArrivesFirstAndDisablingAndDeclaringStay(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse b = c.enrol(RunningCollector.RODINA_CODE);
            String key = sync(c, a, empty(c, 0)).clubKey();
            Instant t0 = c.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CardRecord made = card(key, "11112222", "111111", t0, false);
            sync(c, a, new CardSyncRequest(0, today(c), List.of(made), List.of()));
            // both offline: A gives a new PIN at t0+1 min, B at t0+2 min; B's arrives first
            CardRecord onA = new CardRecord(
                    made.codeHash(),
                    PINS.hash("222222".toCharArray()),
                    new Demographics(AgeBand.AGE_18_24, Sex.FEMALE),
                    false,
                    t0.plusSeconds(60),
                    1);
            CardRecord onB = new CardRecord(
                    made.codeHash(), PINS.hash("333333".toCharArray()), null, false, t0.plusSeconds(120), 1);
            CardSyncResponse fromB = sync(c, b, new CardSyncRequest(1, today(c), List.of(onB), List.of()));
            assertEquals(onB.pinHash(), only(fromB).pinHash());
            CardSyncResponse fromA = sync(c, a, new CardSyncRequest(1, today(c), List.of(onA), List.of()));
            CardRecord stands = only(fromA);
            assertEquals(onB.pinHash(), stands.pinHash(), "the later change (B's) wins though A's came last");
            assertEquals(onA.demographics(), stands.demographics(), "a declaration is never lost");
            assertEquals(3, stands.version());
            assertEquals(stands, only(sync(c, b, empty(c, 2))), "B learns the merged card");

            CardRecord disabledEarlier =
                    new CardRecord(made.codeHash(), onA.pinHash(), null, true, t0.plusSeconds(30), 1);
            CardRecord afterDisable =
                    only(sync(c, a, new CardSyncRequest(3, today(c), List.of(disabledEarlier), List.of())));
            assertTrue(afterDisable.disabled(), "a disabled card stays disabled, even by an older change");
            assertEquals(onB.pinHash(), afterDisable.pinHash());

            CardSyncResponse again = sync(c, a, new CardSyncRequest(4, today(c), List.of(disabledEarlier), List.of()));
            assertEquals(4, only(again).version(), "a change that changes nothing takes no version");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void minutesTodayAddUpOverTheClubsOtherPcsAndOldDaysAreDeleted(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse b = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse third = c.enrol(RunningCollector.RODINA_CODE);
            String key = sync(c, a, empty(c, 0)).clubKey();
            String hash = new KeyedHash(key).hex("12345678");
            sync(c, a, new CardSyncRequest(0, today(c), List.of(), List.of(new CardMinutes(hash, 30))));
            CardSyncResponse onB =
                    sync(c, b, new CardSyncRequest(0, today(c), List.of(), List.of(new CardMinutes(hash, 20))));
            assertEquals(List.of(new CardMinutes(hash, 30)), onB.otherPcsMinutes());
            sync(c, a, new CardSyncRequest(0, today(c), List.of(), List.of(new CardMinutes(hash, 45))));
            assertEquals(
                    minutes(sync(c, third, empty(c, 0))), Map.of(hash, 65), "A's newest report replaces its older");
            assertEquals(minutes(sync(c, a, empty(c, 0))), Map.of(hash, 20), "A's own minutes are A's to count");

            c.clock.advance(Duration.ofDays(2));
            assertTrue(sync(c, third, empty(c, 0)).otherPcsMinutes().isEmpty());
            assertEquals(0, c.count("SELECT COUNT(*) FROM club_card_minutes"), "kept two days, then deleted");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aChangeTellsTheClubsLivePcsToSyncNow(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse b = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse other = c.enrol(RunningCollector.ZAGORE_CODE);
            try (LivePc liveB = LivePc.connect(c.server.port(), b.token());
                    LivePc liveOther = LivePc.connect(c.server.port(), other.token())) {
                await("the Rooms")
                        .until(() -> liveB.received(Room.class).size() == 1
                                && liveOther.received(Room.class).size() == 1);
                String key = sync(c, a, empty(c, 0)).clubKey();
                CardRecord made = card(key, "12345678", "482913", c.clock.instant(), false);
                sync(c, a, new CardSyncRequest(0, today(c), List.of(made), List.of()));
                await("B told").until(() -> liveB.received(CardsChanged.class).size() == 1);
                assertEquals(1, liveB.received(CardsChanged.class).get(0).cursor());
                assertTrue(liveOther.received(CardsChanged.class).isEmpty(), "another club's PC is not told");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void withoutAValidTokenOrWithAPlainCodeNothingIsStored(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            String body = c.json.writeValueAsString(empty(c, 0));
            assertEquals(401, post(c, "not-a-token", body).statusCode());
            String plain = "{\"cursor\":0,\"day\":\"" + today(c) + "\",\"changes\":[{\"codeHash\":\"12345678\","
                    + "\"pinHash\":\"x\",\"demographics\":null,\"disabled\":false,\"changedAt\":\""
                    + c.clock.instant() + "\",\"version\":0}],\"minutesToday\":[]}";
            HttpResponse<String> refused = post(c, a.token(), plain);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(c.json.readValue(refused.body(), Problem.class).message().contains("codeHash"));
            HttpResponse<String> wrongDay = post(
                    c,
                    a.token(),
                    c.json.writeValueAsString(new CardSyncRequest(0, today(c).minusDays(3), List.of(), List.of())));
            assertEquals(422, wrongDay.statusCode(), wrongDay.body());
            assertEquals(0, c.count("SELECT COUNT(*) FROM club_cards"));
        }
    }

    @Test
    void aPcSyncingTooOftenIsToldToWait() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            String body = c.json.writeValueAsString(empty(c, 0));
            for (int i = 0; i < CardSyncIntake.BURST; i++) {
                assertEquals(200, post(c, a.token(), body).statusCode());
            }
            HttpResponse<String> refused = post(c, a.token(), body);
            assertEquals(429, refused.statusCode());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            c.clock.advance(Duration.ofSeconds(3));
            assertEquals(200, post(c, a.token(), body).statusCode());
        }
    }

    private static Map<String, Integer> minutes(CardSyncResponse response) {
        return response.otherPcsMinutes().stream()
                .collect(Collectors.toMap(CardMinutes::codeHash, CardMinutes::minutes));
    }

    private static CardRecord only(CardSyncResponse response) {
        assertEquals(1, response.cards().size(), response.cards().toString());
        assertFalse(response.more());
        return response.cards().get(0);
    }

    private static CardRecord withVersion(CardRecord card, long version) {
        return new CardRecord(
                card.codeHash(), card.pinHash(), card.demographics(), card.disabled(), card.changedAt(), version);
    }
}
