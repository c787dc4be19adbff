package bg.digiclub.collector.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.common.cards.CardVisit;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.support.secret.SlowHash;

/**
 * The cards' visits ({@code card_visits}, V7) over real HTTP against the real server, on SQLite and
 * PostgreSQL: stored by the card's row id (never its hash) as a set, so a retried sync or the same
 * card on two PCs the same day is one row; visits of cards the club does not hold are dropped; old
 * visits go after the kept days.
 */
class CardVisitsTest {
    private static final SlowHash PINS = new SlowHash(SlowHash.MIN_ITERATIONS);

    @TempDir
    Path temp;

    private static LocalDate today(RunningCollector c) {
        return LocalDate.ofInstant(c.clock.instant(), RunningCollector.RODINA.timeZone());
    }

    private static CardSyncResponse sync(RunningCollector c, EnrolmentResponse pc, CardSyncRequest request)
            throws Exception {
        HttpResponse<String> response = c.http.send(c.http.request("/api/v1/cards/sync")
                .header("Authorization", "Bearer " + pc.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(c.json.writeValueAsString(request))));
        assertEquals(200, response.statusCode(), response.body());
        return c.json.readValue(response.body(), CardSyncResponse.class);
    }

    private static CardRecord card(String key, String code, Instant at) {
        return new CardRecord(new KeyedHash(key).hex(code), PINS.hash("482913".toCharArray()), null, false, at, 0);
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aVisitIsOneRowPerCardAndDayWhateverPcAndHoweverOftenSent(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse a = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse b = c.enrol(RunningCollector.RODINA_CODE);
            LocalDate today = today(c);
            String key = sync(c, a, new CardSyncRequest(0, today, List.of(), List.of()))
                    .clubKey();
            Instant at = c.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CardRecord one = card(key, "12345678", at);
            CardRecord two = card(key, "87654321", at);
            sync(c, a, new CardSyncRequest(0, today, List.of(one, two), List.of()));

            CardSyncRequest fromA = new CardSyncRequest(
                    2,
                    today,
                    List.of(),
                    List.of(),
                    List.of(
                            new CardVisit(one.codeHash(), today),
                            new CardVisit(one.codeHash(), today.minusDays(1)),
                            new CardVisit(two.codeHash(), today)));
            sync(c, a, fromA);
            sync(c, a, fromA); // the answer was lost: the PC sends the same again
            sync(
                    c,
                    b,
                    new CardSyncRequest(2, today, List.of(), List.of(), List.of(new CardVisit(one.codeHash(), today))));

            assertEquals(3, c.count("SELECT COUNT(*) FROM card_visits"));
            assertEquals(2, c.count("SELECT COUNT(DISTINCT card_id) FROM card_visits"));
            assertEquals(
                    2,
                    c.count("SELECT COUNT(*) FROM card_visits v JOIN club_cards k ON k.club_id = v.club_id "
                            + "AND k.card_id = v.card_id WHERE k.code_hash = '" + one.codeHash() + "'"),
                    "the visits are the card's row's, found by its id");
            assertEquals(
                    0,
                    c.count("SELECT COUNT(*) FROM card_visits WHERE club_id <> '" + RunningCollector.RODINA.id()
                            + "'"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void visitsOfCardsTheClubDoesNotHoldOrOfImpossibleDaysAreDropped(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse rodina = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse zagore = c.enrol(RunningCollector.ZAGORE_CODE);
            LocalDate today = today(c);
            String rodinaKey = sync(c, rodina, new CardSyncRequest(0, today, List.of(), List.of()))
                    .clubKey();
            String zagoreKey = sync(c, zagore, new CardSyncRequest(0, today, List.of(), List.of()))
                    .clubKey();
            Instant at = c.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CardRecord ofZagore = card(zagoreKey, "12345678", at);
            sync(c, zagore, new CardSyncRequest(0, today, List.of(ofZagore), List.of()));
            CardRecord ofRodina = card(rodinaKey, "11112222", at);
            sync(c, rodina, new CardSyncRequest(0, today, List.of(ofRodina), List.of()));

            CardSyncResponse answer = sync(
                    c,
                    rodina,
                    new CardSyncRequest(
                            1,
                            today,
                            List.of(),
                            List.of(),
                            List.of(
                                    new CardVisit(ofZagore.codeHash(), today), // another club's card
                                    new CardVisit(
                                            card(rodinaKey, "99990000", at).codeHash(), today), // never sent
                                    new CardVisit(ofRodina.codeHash(), today.plusDays(2)), // the PC's clock ran ahead
                                    new CardVisit(
                                            ofRodina.codeHash(), today.minusDays(CardVisitRetention.DEFAULT_DAYS)),
                                    new CardVisit(ofRodina.codeHash(), today.plusDays(1)))));
            assertEquals(1, answer.cursor(), "the sync itself went through");
            assertEquals(1, c.count("SELECT COUNT(*) FROM card_visits"));
            assertEquals(today.plusDays(1).toEpochDay(), c.count("SELECT day FROM card_visits"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void visitsOlderThanTheKeptDaysGoAtTheClubsNextSync(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            c.enrol(RunningCollector.RODINA_CODE);
            String club = RunningCollector.RODINA.id();
            ClubCards cards = new ClubCards(c.database, new SecureRandom(), c.clock, new CardVisitRetention(30));
            LocalDate today = today(c);
            String key = cards.key(club);
            CardRecord card = card(key, "12345678", c.clock.instant().truncatedTo(ChronoUnit.MILLIS));
            cards.sync(club, "pc", new CardSyncRequest(0, today, List.of(card), List.of()), today);
            cards.sync(
                    club,
                    "pc",
                    new CardSyncRequest(
                            1,
                            today,
                            List.of(),
                            List.of(),
                            List.of(
                                    new CardVisit(card.codeHash(), today.minusDays(29)),
                                    new CardVisit(card.codeHash(), today.minusDays(5)))),
                    today);
            assertEquals(2, c.count("SELECT COUNT(*) FROM card_visits"));
            LocalDate later = today.plusDays(10);
            cards.sync(club, "pc", new CardSyncRequest(1, later, List.of(), List.of()), later);
            assertEquals(1, c.count("SELECT COUNT(*) FROM card_visits"), "the day 39 days back is gone, 15 stays");
            assertEquals(today.minusDays(5).toEpochDay(), c.count("SELECT day FROM card_visits"));
        }
    }

    @Test
    void theKeptDaysComeFromTheConfigurationAndABadValueNamesTheKey() {
        assertEquals(
                CardVisitRetention.DEFAULT,
                CardVisitRetention.fromConfig(ConfigProperties.empty("collector.properties")));
        Properties set = new Properties();
        set.setProperty(CardVisitRetention.KEY, "400");
        assertEquals(
                400,
                CardVisitRetention.fromConfig(ConfigProperties.of("collector.properties", set))
                        .days());
        set.setProperty(CardVisitRetention.KEY, "0");
        ConfigException bad = assertThrows(
                ConfigException.class,
                () -> CardVisitRetention.fromConfig(ConfigProperties.of("collector.properties", set)));
        assertTrue(bad.getMessage().contains(CardVisitRetention.KEY), bad.getMessage());
        assertTrue(bad.getMessage().contains("collector.properties"), bad.getMessage());
    }

    @Test
    void aCardsRowIdIsTheVersionThatMadeItAndStaysThroughChanges(@TempDir Path dir) throws SQLException {
        // (covered over HTTP above; here the id's rule itself, on SQLite)
        try (RunningCollector c = new RunningCollector("sqlite", dir)) {
            String club = RunningCollector.RODINA.id();
            ClubCards cards = new ClubCards(c.database, new SecureRandom(), c.clock);
            LocalDate today = today(c);
            String key = cards.key(club);
            Instant at = c.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CardRecord first = card(key, "12345678", at);
            CardRecord second = card(key, "87654321", at);
            cards.sync(club, "pc", new CardSyncRequest(0, today, List.of(first, second), List.of()), today);
            CardRecord disabled = new CardRecord(first.codeHash(), first.pinHash(), null, true, at.plusSeconds(60), 1);
            cards.sync(club, "pc", new CardSyncRequest(2, today, List.of(disabled), List.of()), today);
            assertEquals(3, c.count("SELECT version FROM club_cards WHERE code_hash = '" + first.codeHash() + "'"));
            assertEquals(1, c.count("SELECT card_id FROM club_cards WHERE code_hash = '" + first.codeHash() + "'"));
            assertEquals(2, c.count("SELECT card_id FROM club_cards WHERE code_hash = '" + second.codeHash() + "'"));
        }
    }
}
