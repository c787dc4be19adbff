package bg.digiclub.collector.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;

class CardMergeTest {
    private static final String HASH = "b".repeat(64);
    private static final String PIN_1 = "pbkdf2-sha256$210000$AAAA$BBBB";
    private static final String PIN_2 = "pbkdf2-sha256$210000$CCCC$DDDD";
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aNewCardIsTakenAsItCame() {
        CardRecord change = new CardRecord(HASH, PIN_1, null, false, T, 0);
        assertEquals(new CardRecord(HASH, PIN_1, null, false, T, 5), CardMerge.merge(null, change, 5));
    }

    @Test
    void theLaterChangeWinsAndAnOlderOneChangesNothing() {
        CardRecord stored = new CardRecord(HASH, PIN_1, null, false, T, 3);
        CardRecord later = new CardRecord(HASH, PIN_2, null, false, T.plusMillis(1), 1);
        assertEquals(PIN_2, CardMerge.merge(stored, later, 4).pinHash());
        CardRecord older = new CardRecord(HASH, PIN_2, null, false, T.minusMillis(1), 1);
        CardRecord merged = CardMerge.merge(stored, older, 4);
        assertFalse(CardMerge.differs(stored, merged));
    }

    @Test
    void aTieGoesToTheArrivingChangeAndTheSameChangeAgainChangesNothing() {
        CardRecord stored = new CardRecord(HASH, PIN_1, null, false, T, 3);
        CardRecord newPin = new CardRecord(HASH, PIN_2, null, false, T, 1);
        CardRecord merged = CardMerge.merge(stored, newPin, 4);
        assertEquals(PIN_2, merged.pinHash());
        assertTrue(CardMerge.differs(stored, merged));
        assertFalse(CardMerge.differs(merged, CardMerge.merge(merged, newPin, 5)));
    }

    @Test
    void disablingAndDeclaringAreNeverUndone() {
        Demographics declared = new Demographics(AgeBand.AGE_18_24, Sex.MALE);
        CardRecord stored = new CardRecord(HASH, PIN_1, declared, true, T, 3);
        CardRecord later = new CardRecord(HASH, PIN_2, null, false, T.plusSeconds(5), 3);
        CardRecord merged = CardMerge.merge(stored, later, 4);
        assertTrue(merged.disabled());
        assertEquals(declared, merged.demographics());
        assertEquals(PIN_2, merged.pinHash());
        assertEquals(T.plusSeconds(5), merged.changedAt());
    }
}
