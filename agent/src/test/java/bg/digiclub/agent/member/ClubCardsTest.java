package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.cards.CardMinutes;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.wire.LoginOutcome;
import bg.digiclub.support.secret.KeyedHash;

/**
 * This PC's cards as the club's replica (real SQLite): cards from the club log in by their code,
 * the staff list shows a reference for them, changes here wait for the sync and win over what this
 * PC knew, the daily allowance counts the club's other PCs, and the first sync learns the key and
 * then sends the cards made here before.
 */
class ClubCardsTest extends ClubCardsFixture {
    private CardSyncRequest nothing() {
        return new CardSyncRequest(0, today(), List.of(), List.of());
    }

    private static CardRecord clubCard(String code, String pin, Instant at, long version) {
        return new CardRecord(HASH.hex(code), PINS.hash(pin.toCharArray()), null, false, at, version);
    }

    @Test
    void aCardOfTheClubMadeElsewhereLogsInHereByItsCodeAndIsListedByAReference() throws Exception {
        CardRecord card = clubCard("24681357", "135790", clock.instant().minusSeconds(60), 1);
        replica.take(nothing(), new CardSyncResponse(KEY, 1, List.of(card), false, List.of()), clock.instant());

        assertEquals(
                LoginOutcome.OK,
                store.login("2468-1357", "135790".toCharArray()).outcome());
        assertEquals(
                LoginOutcome.WRONG_PIN,
                store.login("2468-1357", "000000".toCharArray()).outcome());
        MemberCard listed = store.list().get(0);
        assertEquals("#" + card.codeHash().substring(0, 10), listed.code(), "this PC never had the code");

        store.disable(listed.code());
        assertEquals(
                LoginOutcome.DISABLED,
                store.login("24681357", "135790".toCharArray()).outcome());
        List<CardRecord> waiting = replica.unsynced(10);
        assertEquals(1, waiting.size());
        assertTrue(waiting.get(0).disabled());
        assertTrue(waiting.get(0).changedAt().isAfter(card.changedAt()));
        assertThrows(MemberStoreException.class, () -> store.disable("#0000000000"));
    }

    @Test
    void aChangeHereWinsOverWhatThisPcKnewEvenWhenTheOtherPcsClockRanAhead() throws Exception {
        Instant ahead = clock.instant().plus(Duration.ofMinutes(10));
        CardRecord card = clubCard("11223344", "111111", ahead, 1);
        replica.take(nothing(), new CardSyncResponse(KEY, 1, List.of(card), false, List.of()), clock.instant());
        char[] pin = store.resetPin("11223344");
        CardRecord waiting = replica.unsynced(10).get(0);
        assertTrue(waiting.changedAt().isAfter(ahead), waiting.changedAt() + " after " + ahead);
        assertTrue(PINS.matches(pin, waiting.pinHash()));
    }

    @Test
    void theAnswerToASyncDoesNotUndoAChangeMadeWhileItWasUnderWay() throws Exception {
        CardRecord card = clubCard("55667788", "555555", clock.instant(), 1);
        replica.take(nothing(), new CardSyncResponse(KEY, 1, List.of(card), false, List.of()), clock.instant());
        store.resetPin("55667788");
        CardSyncRequest sent = new CardSyncRequest(1, today(), replica.unsynced(10), List.of());
        clock.advance(Duration.ofSeconds(5));
        char[] newer = store.resetPin("55667788");
        // the collector's answer carries the first new PIN, merged
        CardRecord merged = new CardRecord(
                card.codeHash(),
                sent.changes().get(0).pinHash(),
                null,
                false,
                sent.changes().get(0).changedAt(),
                2);
        replica.take(sent, new CardSyncResponse(KEY, 2, List.of(merged), false, List.of()), clock.instant());
        assertEquals(LoginOutcome.OK, store.login("55667788", newer).outcome(), "the newer PIN stands");
        assertEquals(1, replica.unsynced(10).size(), "and goes with the next round");
    }

    @Test
    void theDailyAllowanceCountsTheClubsOtherPcsToday() throws Exception {
        CardRecord card = clubCard("99887766", "999999", clock.instant(), 1);
        replica.take(
                nothing(),
                new CardSyncResponse(KEY, 1, List.of(card), false, List.of(new CardMinutes(card.codeHash(), 80))),
                clock.instant());
        MemberLoginResult login = store.login("99887766", "999999".toCharArray());
        assertEquals(Duration.ofMinutes(10), login.allowedNow(), "90 a day, 80 used on the other PCs");
        assertEquals(Duration.ofMinutes(80), store.list().get(0).usedToday());

        replica.take(
                nothing(),
                new CardSyncResponse(KEY, 1, List.of(), false, List.of(new CardMinutes(card.codeHash(), 90))),
                clock.instant());
        assertEquals(
                LoginOutcome.NO_TIME_LEFT_TODAY,
                store.login("99887766", "999999".toCharArray()).outcome());
    }

    @Test
    void theFirstSyncLearnsTheKeyThenSendsTheCardsMadeHereBeforeAndTheirMinutes() throws Exception {
        NewCard before = store.create();
        assertEquals(LoginOutcome.OK, store.login(before.code(), before.pin()).outcome(), "offline, never synced");
        play(before.code(), clock.instant().minus(Duration.ofMinutes(30)), Duration.ofMinutes(25));
        ScriptedCollector collector = new ScriptedCollector();
        collector.answers.add(new CardSyncResponse(KEY, 0, List.of(), false, List.of()));
        collector.answers.add(new CardSyncResponse(KEY, 1, List.of(), false, List.of()));
        CardSync sync = new CardSync(replica, ledger, collector, clock);

        assertEquals(CardSync.Outcome.SYNCED, sync.syncOnce());
        assertEquals(2, collector.requests.size(), "one round to learn the key, one to send the cards");
        assertTrue(collector.requests.get(0).changes().isEmpty(), "no code can be hashed without the key");
        assertTrue(collector.requests.get(0).minutesToday().isEmpty());
        CardRecord sent = collector.requests.get(1).changes().get(0);
        assertEquals(HASH.hex(before.code()), sent.codeHash());
        assertTrue(PINS.matches(before.pin(), sent.pinHash()));
        assertEquals(
                List.of(new CardMinutes(HASH.hex(before.code()), 25)),
                collector.requests.get(1).minutesToday());
        assertFalse(collector.requests.toString().contains(before.code()), "the code itself never leaves");
        assertEquals(before.code(), store.list().get(0).code(), "the PC that made it still lists its code");
        assertEquals(LoginOutcome.OK, store.login(before.code(), before.pin()).outcome());
    }

    @Test
    void everyChangeHereAsksForASyncAndALoginDoesNot() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        replica.onLocalChange(asked::incrementAndGet);
        NewCard card = store.create();
        assertEquals(1, asked.get());
        store.login(card.code(), card.pin());
        assertEquals(1, asked.get(), "a login changes no card");
        store.declare(card.code(), Demographics.NOT_DECLARED);
        store.resetPin(card.code());
        store.disable(card.code());
        assertEquals(4, asked.get());
    }

    @Test
    void aPcMovedToAnotherClubDropsTheOldClubsCardsAndOffersItsOwnToTheNewOne() throws Exception {
        NewCard mine = store.create();
        CardRecord theirs = clubCard("31415926", "271828", clock.instant(), 1);
        replica.take(nothing(), new CardSyncResponse(KEY, 1, List.of(theirs), false, List.of()), clock.instant());
        replica.take(
                new CardSyncRequest(1, today(), replica.unsynced(10), List.of()),
                new CardSyncResponse(KEY, 2, List.of(), false, List.of()),
                clock.instant());
        String newKey = KeyedHash.newKey(new SecureRandom());
        replica.take(nothing(), new CardSyncResponse(newKey, 0, List.of(), false, List.of()), clock.instant());

        assertEquals(
                LoginOutcome.WRONG_PIN,
                store.login("31415926", "271828".toCharArray()).outcome());
        assertEquals(0, replica.cursor());
        List<CardRecord> offered = replica.unsynced(10);
        assertEquals(
                List.of(new KeyedHash(newKey).hex(mine.code())),
                offered.stream().map(CardRecord::codeHash).toList());
        assertEquals(LoginOutcome.OK, store.login(mine.code(), mine.pin()).outcome());
    }

    @Test
    void notEnrolledMeansNothingIsSentAndNothingChanges() throws Exception {
        store.create();
        CardSync sync = new CardSync(replica, ledger, request -> Optional.empty(), clock);
        assertEquals(CardSync.Outcome.NOT_ENROLLED, sync.syncOnce());
        assertTrue(replica.key().isEmpty());
        assertFalse(store.list().get(0).code().startsWith("#"), "a card made here is listed by its code");
    }

    /** The collector as a list of answers, in order, keeping what it was sent. */
    private static final class ScriptedCollector implements CardSyncTransport {
        final Deque<CardSyncResponse> answers = new ArrayDeque<>();
        final List<CardSyncRequest> requests = new ArrayList<>();

        @Override
        public Optional<CardSyncResponse> exchange(CardSyncRequest request) throws IOException {
            requests.add(request);
            if (answers.isEmpty()) {
                throw new IOException("no answer scripted");
            }
            return Optional.of(answers.poll());
        }
    }

    private void play(String code, Instant from, Duration length) throws Exception {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO session (id, kind, member_code, age_band, sex, started_at, "
                    + "allowed_ms, ended_at, end_reason, closed_by) VALUES (?, 'MEMBER', ?, 'NOT_DECLARED', "
                    + "'NOT_DECLARED', ?, 3600000, ?, 'LOGOUT', 'KIOSK')")) {
                ps.setString(1, "s-" + from.toEpochMilli());
                ps.setString(2, code);
                ps.setLong(3, from.toEpochMilli());
                ps.setLong(4, from.plus(length).toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
