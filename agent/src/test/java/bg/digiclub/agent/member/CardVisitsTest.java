package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.common.cards.CardVisit;

/**
 * The days this PC's cards had a member session (real SQLite, a scripted collector): sent with the
 * card sync once the collector has the card, by its keyed hash only, never twice once confirmed,
 * again after a round that did not reach the collector, at most {@link CardSyncRequest#MAX_VISITS} a
 * round; a card made before the club's key waits for its hash.
 */
class CardVisitsTest extends ClubCardsFixture {
    @Test
    void aCardMadeBeforeTheKeySendsItsVisitsByItsHashOnceTheCollectorHasTheCardAndOnlyOnce() throws Exception {
        NewCard card = store.create();
        replica.visited(card.code(), today());
        replica.visited(card.code(), today()); // a second session the same day
        String hash = HASH.hex(card.code());
        Collector collector = new Collector(request -> {
            // the collector's answer: the key; a card sent comes back with its version
            List<CardRecord> cards = request.changes().stream()
                    .map(c -> new CardRecord(c.codeHash(), c.pinHash(), null, false, c.changedAt(), 1))
                    .toList();
            return new CardSyncResponse(KEY, cards.isEmpty() ? request.cursor() : 1, cards, false, List.of());
        });
        CardSync sync = new CardSync(replica, ledger, collector, clock);

        assertEquals(CardSync.Outcome.SYNCED, sync.syncOnce());
        assertEquals(3, collector.requests.size(), "the key, then the card, then its visit");
        assertTrue(collector.requests.get(0).visits().isEmpty(), "no hash without the key");
        assertEquals(1, collector.requests.get(1).changes().size());
        assertTrue(collector.requests.get(1).visits().isEmpty(), "never before the collector has the card");
        assertEquals(
                List.of(new CardVisit(hash, today())), collector.requests.get(2).visits());
        assertFalse(collector.requests.toString().contains(card.code()), "the code never leaves the PC");

        replica.visited(card.code(), today()); // a third session today: already confirmed
        sync.syncOnce();
        assertTrue(collector.requests.get(3).visits().isEmpty(), "a confirmed visit is not sent again");
        assertEquals(1, rows("SELECT COUNT(*) FROM card_visit"));
        assertEquals(0, rows("SELECT COUNT(*) FROM card_visit WHERE code IS NOT NULL"), "the code is gone");
    }

    @Test
    void visitsOfARoundThatDidNotReachTheCollectorGoWithTheNextAndTheRestWaitsForTheNextRound() throws Exception {
        // three cards of the club, 334 days each: more than one round holds
        List<String> codes = List.of("11111111", "22222222", "33333333");
        List<CardRecord> cards = new ArrayList<>();
        for (String code : codes) {
            cards.add(new CardRecord(
                    HASH.hex(code),
                    PINS.hash("482913".toCharArray()),
                    null,
                    false,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    1));
        }
        replica.take(
                new CardSyncRequest(0, today(), List.of(), List.of()),
                new CardSyncResponse(KEY, 3, cards, false, List.of()),
                clock.instant());
        for (String code : codes) {
            for (int d = 0; d < 334; d++) {
                replica.visited(code, today().minusDays(d));
            }
        }
        Collector down = new Collector(request -> {
            throw new IOException("no route to the collector");
        });
        assertThrows(IOException.class, () -> new CardSync(replica, ledger, down, clock).syncOnce());
        assertEquals(1002, replica.unsentVisits(2_000).size(), "nothing confirmed by a round that failed");

        Collector up = new Collector(request -> new CardSyncResponse(KEY, 3, List.of(), false, List.of()));
        new CardSync(replica, ledger, up, clock).syncOnce();
        assertEquals(2, up.requests.size());
        assertEquals(CardSyncRequest.MAX_VISITS, up.requests.get(0).visits().size());
        assertEquals(2, up.requests.get(1).visits().size(), "the rest at once, in the next round");
        assertEquals(List.of(), replica.unsentVisits(2_000));
        assertEquals(down.requests.get(0).visits(), up.requests.get(0).visits(), "the same visits again, oldest first");
    }

    @Test
    void confirmedVisitsGoAfterAFewDaysAndVisitsNeverConfirmedAfterMoreThanAYear() throws Exception {
        CardRecord card = new CardRecord(
                HASH.hex("44444444"),
                PINS.hash("482913".toCharArray()),
                null,
                false,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                1);
        replica.take(
                new CardSyncRequest(0, today(), List.of(), List.of()),
                new CardSyncResponse(KEY, 1, List.of(card), false, List.of()),
                clock.instant());
        replica.visited("44444444", today().minusDays(ClubCardReplica.CONFIRMED_DAYS_KEPT));
        replica.visited("44444444", today().minusDays(ClubCardReplica.CONFIRMED_DAYS_KEPT - 1));
        new CardSync(
                        replica,
                        ledger,
                        new Collector(request -> new CardSyncResponse(KEY, 1, List.of(), false, List.of())),
                        clock)
                .syncOnce();
        assertEquals(1, rows("SELECT COUNT(*) FROM card_visit"), "the older confirmed day went, the newer stays");

        // a card the collector never took (version 0): its visits are never sent, and go after 400 days
        LocalDate oldest = today().minusDays(ClubCardReplica.UNSENT_DAYS_KEPT - 1);
        replica.visited("55555555", oldest.minusDays(1));
        replica.visited("55555555", oldest);
        assertEquals(3, rows("SELECT COUNT(*) FROM card_visit"));
        replica.visited("55555555", today());
        assertEquals(3, rows("SELECT COUNT(*) FROM card_visit"), "the day before the oldest kept went");
        assertEquals(0, rows("SELECT COUNT(*) FROM card_visit WHERE day < '" + oldest + "'"));
        assertEquals(List.of(), replica.unsentVisits(10), "not a card the collector has");
    }

    private long rows(String sql) throws Exception {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A collector answering with a function, keeping what it was sent. */
    private static final class Collector implements CardSyncTransport {
        interface Answer {
            CardSyncResponse to(CardSyncRequest request) throws IOException;
        }

        final List<CardSyncRequest> requests = new ArrayList<>();
        private final Answer answer;

        Collector(Answer answer) {
            this.answer = answer;
        }

        @Override
        public Optional<CardSyncResponse> exchange(CardSyncRequest request) throws IOException {
            requests.add(request);
            return Optional.of(answer.to(request));
        }
    }
}
