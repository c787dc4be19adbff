package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.wire.LoginOutcome;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

class SqliteMemberStoreTest {
    private static final Allowances ALLOWANCES = new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(90));

    @TempDir
    Path dir;

    Database db;
    SessionLedger ledger;
    TestClock clock = TestClock.clubMorning();
    SqliteMemberStore store;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        store = newStore();
    }

    private SqliteMemberStore newStore() throws Exception {
        return new SqliteMemberStore(
                db,
                new SlowHash(SlowHash.MIN_ITERATIONS),
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                ALLOWANCES,
                ledger,
                new ClubCardReplica(db),
                clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void newCardHasAReadableCodeAndLogsInWithItsPin() throws Exception {
        NewCard card = store.create();
        assertTrue(card.code().matches("\\d{8}"), card.code());
        assertTrue(new String(card.pin()).matches("\\d{6}"));

        MemberLoginResult ok = store.login(card.code(), card.pin());
        assertEquals(LoginOutcome.OK, ok.outcome());
        assertEquals(Duration.ofMinutes(60), ok.allowedNow());
        assertNull(ok.demographics(), "never asked yet");
        String spaced = card.code().substring(0, 4) + " " + card.code().substring(4);
        assertEquals(LoginOutcome.OK, store.login(spaced, card.pin()).outcome(), "typed with a space");
    }

    @Test
    void fiveWrongPinsLockTheCodeForFiveMinutesEvenForTheRightPin() throws Exception {
        NewCard card = store.create();
        for (int i = 1; i <= 4; i++) {
            assertEquals(
                    LoginOutcome.WRONG_PIN,
                    store.login(card.code(), "000000x".toCharArray()).outcome(),
                    "try " + i);
        }
        MemberLoginResult fifth = store.login(card.code(), "000000x".toCharArray());
        assertEquals(LoginOutcome.LOCKED, fifth.outcome());
        assertEquals(Duration.ofMinutes(5), fifth.lockedFor());

        clock.advance(Duration.ofMinutes(4));
        MemberLoginResult locked = store.login(card.code(), card.pin());
        assertEquals(LoginOutcome.LOCKED, locked.outcome());
        assertEquals(Duration.ofMinutes(1), locked.lockedFor());
        assertTrue(newStore().list().get(0).locked(), "the lock survives an agent restart");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(LoginOutcome.OK, store.login(card.code(), card.pin()).outcome());
    }

    @Test
    void anUnknownCodeAndABlockedCardLockAfterFiveTriesJustAsAnActiveCardDoes() throws Exception {
        // issue 11: "temporarily locked" must not tell that a code exists
        NewCard active = store.create();
        NewCard blocked = store.create();
        store.disable(blocked.code());
        String unknown = java.util.stream.Stream.of("11111111", "22222222", "33333333")
                .filter(c -> !c.equals(active.code()) && !c.equals(blocked.code()))
                .findFirst()
                .orElseThrow();
        for (String code : List.of(active.code(), blocked.code(), unknown)) {
            for (int i = 1; i <= 4; i++) {
                assertEquals(
                        LoginOutcome.WRONG_PIN,
                        store.login(code, "000000x".toCharArray()).outcome(),
                        code + " try " + i);
            }
            MemberLoginResult fifth = store.login(code, "000000x".toCharArray());
            assertEquals(LoginOutcome.LOCKED, fifth.outcome(), code);
            assertEquals(Duration.ofMinutes(5), fifth.lockedFor(), code);
        }
        clock.advance(Duration.ofMinutes(2));
        for (String code : List.of(active.code(), blocked.code(), unknown)) {
            MemberLoginResult locked = store.login(code, "000000x".toCharArray());
            assertEquals(LoginOutcome.LOCKED, locked.outcome(), code);
            assertEquals(Duration.ofMinutes(3), locked.lockedFor(), code);
        }
        clock.advance(Duration.ofMinutes(3));
        assertEquals(
                LoginOutcome.WRONG_PIN,
                store.login(unknown, "000000x".toCharArray()).outcome(),
                "unlocked again");
        assertEquals(
                LoginOutcome.DISABLED,
                store.login(blocked.code(), blocked.pin()).outcome(),
                "its holder still learns why");
    }

    @Test
    void unknownCodesAreCountedEachOnItsOwn() throws Exception {
        for (int i = 0; i < 4; i++) {
            store.login("44444444", "000000x".toCharArray());
        }
        assertEquals(
                LoginOutcome.WRONG_PIN,
                store.login("55555555", "000000x".toCharArray()).outcome(),
                "tries at one code do not lock another");
        assertEquals(
                LoginOutcome.LOCKED,
                store.login("4444 4444", "000000x".toCharArray()).outcome(),
                "the same code typed with a space is the same code");
    }

    @Test
    void rightPinResetsTheCountOfWrongOnes() throws Exception {
        NewCard card = store.create();
        for (int i = 0; i < 4; i++) {
            store.login(card.code(), "999999x".toCharArray());
        }
        assertEquals(LoginOutcome.OK, store.login(card.code(), card.pin()).outcome());
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    LoginOutcome.WRONG_PIN,
                    store.login(card.code(), "999999x".toCharArray()).outcome());
        }
    }

    @Test
    void resetPinGivesANewPinAndLiftsTheLock() throws Exception {
        NewCard card = store.create();
        for (int i = 0; i < 5; i++) {
            store.login(card.code(), "999999x".toCharArray());
        }
        char[] newPin = store.resetPin(card.code());
        assertEquals(LoginOutcome.OK, store.login(card.code(), newPin).outcome());
        if (!new String(newPin).equals(new String(card.pin()))) {
            assertEquals(
                    LoginOutcome.WRONG_PIN, store.login(card.code(), card.pin()).outcome());
        }
    }

    @Test
    void disabledAndUnknownCardsAreRefusedWithoutSayingWhichCodesExist() throws Exception {
        NewCard card = store.create();
        store.disable(card.code());
        store.disable(card.code());
        assertEquals(
                LoginOutcome.DISABLED, store.login(card.code(), card.pin()).outcome(), "the PIN's holder learns why");
        assertEquals(
                LoginOutcome.WRONG_PIN,
                store.login(card.code(), "999999x".toCharArray()).outcome(),
                "anyone else gets the wrong-PIN answer for a blocked card");
        assertTrue(store.list().get(0).disabled());

        // issue 11: "The lock screen tells whether a card code exists ... say only that the code or PIN is wrong"
        String unknown = card.code().equals("11111111") ? "22222222" : "11111111";
        assertEquals(
                LoginOutcome.WRONG_PIN,
                store.login(unknown, card.pin()).outcome(),
                "an unknown code answers as a wrong PIN");
        assertEquals(LoginOutcome.WRONG_PIN, store.login("abc", card.pin()).outcome());
        MemberStoreException e = assertThrows(MemberStoreException.class, () -> store.disable(unknown));
        assertEquals(MemberStoreException.Reason.UNKNOWN_CARD, e.reason());
        assertThrows(MemberStoreException.class, () -> store.resetPin("not a code"));
    }

    @Test
    void demographicsAreDeclaredOnce() throws Exception {
        NewCard card = store.create();
        Demographics declared = new Demographics(AgeBand.AGE_75_PLUS, Sex.MALE);
        store.declare(card.code(), declared);
        assertEquals(declared, store.login(card.code(), card.pin()).demographics());

        MemberStoreException again = assertThrows(
                MemberStoreException.class,
                () -> store.declare(card.code(), new Demographics(AgeBand.AGE_18_24, Sex.FEMALE)));
        assertEquals(MemberStoreException.Reason.ALREADY_DECLARED, again.reason());
        assertEquals(declared, store.login(card.code(), card.pin()).demographics());
    }

    @Test
    void preferNotToSayIsADeclarationToo() throws Exception {
        NewCard card = store.create();
        store.declare(card.code(), Demographics.NOT_DECLARED);
        assertEquals(
                Demographics.NOT_DECLARED, store.login(card.code(), card.pin()).demographics());
    }

    @Test
    void dailyAllowanceIsConsumedAcrossSessionsAndRenewedTheNextDay() throws Exception {
        NewCard card = store.create();
        Instant morning = clock.instant();
        play(card.code(), "m-1", morning, Duration.ofMinutes(30));
        play(card.code(), "m-2", morning.plus(Duration.ofMinutes(40)), Duration.ofMinutes(20));
        clock.advance(Duration.ofHours(2));

        MemberLoginResult third = store.login(card.code(), card.pin());
        assertEquals(LoginOutcome.OK, third.outcome());
        assertEquals(Duration.ofMinutes(40), third.allowedNow(), "90 a day, 50 used");
        assertEquals(Duration.ofMinutes(50), store.list().get(0).usedToday());

        play(card.code(), "m-3", clock.instant(), Duration.ofMinutes(40));
        clock.advance(Duration.ofMinutes(45));
        assertEquals(
                LoginOutcome.NO_TIME_LEFT_TODAY,
                store.login(card.code(), card.pin()).outcome());

        clock.advance(Duration.ofDays(1));
        MemberLoginResult tomorrow = store.login(card.code(), card.pin());
        assertEquals(LoginOutcome.OK, tomorrow.outcome());
        assertEquals(Duration.ofMinutes(60), tomorrow.allowedNow());
    }

    @Test
    void usageBeforeMidnightCountsForTheDayItWasIn() throws Exception {
        NewCard card = store.create();
        // Sofia is UTC+2 in November: 23:30 local is 21:30Z
        Instant lateEvening = Instant.parse("2026-11-24T21:30:00Z");
        play(card.code(), "late", lateEvening, Duration.ofMinutes(60));
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-24T22:30:00Z")));
        assertEquals(Duration.ofMinutes(30), store.list().get(0).usedToday(), "00:00 to 00:30 of the new day");
    }

    @Test
    void listShowsCardsWithoutAnythingButCodeAndState() throws Exception {
        NewCard a = store.create();
        NewCard b = store.create();
        assertNotEquals(a.code(), b.code());
        List<MemberCard> cards = store.list();
        assertEquals(2, cards.size());
        assertFalse(cards.get(0).locked());
        assertEquals(Duration.ZERO, cards.get(0).usedToday());
    }

    /** A member's past session, as the session authority would have recorded it. */
    private void play(String code, String id, Instant from, Duration length) throws Exception {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO session (id, kind, member_code, age_band, sex, started_at, "
                    + "allowed_ms, ended_at, end_reason, closed_by) VALUES (?, 'MEMBER', ?, 'NOT_DECLARED', 'NOT_DECLARED', "
                    + "?, 3600000, ?, 'LOGOUT', 'KIOSK')")) {
                ps.setString(1, id);
                ps.setString(2, code);
                ps.setLong(3, from.toEpochMilli());
                ps.setLong(4, from.plus(length).toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
