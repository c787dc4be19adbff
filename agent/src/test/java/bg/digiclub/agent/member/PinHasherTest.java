package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PinHasherTest {
    private final PinHasher hasher = new PinHasher(PinHasher.MIN_ITERATIONS);

    @Test
    void rightPinMatchesAndWrongDoesNot() {
        String stored = hasher.hash("482913".toCharArray());
        assertTrue(hasher.matches("482913".toCharArray(), stored));
        assertFalse(hasher.matches("482914".toCharArray(), stored));
        assertFalse(hasher.matches("".toCharArray(), stored));
        assertFalse(stored.contains("482913"));
    }

    @Test
    void samePinGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("111111".toCharArray()), hasher.hash("111111".toCharArray()));
    }

    @Test
    void hashRecordsItsIterationsSoTheyCanBeRaisedLater() {
        String stored = hasher.hash("111111".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertFalse(hasher.needsRehash(stored));
        PinHasher stronger = new PinHasher(20_000);
        assertTrue(stronger.needsRehash(stored));
        assertTrue(stronger.matches("111111".toCharArray(), stored), "old hashes still check");
    }

    @Test
    void tooFewIterationsAndOverlongPinsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PinHasher(1000));
        char[] huge = new char[PinHasher.MAX_PIN_LENGTH + 1];
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(huge));
        assertFalse(hasher.matches(huge, hasher.hash("1".toCharArray())));
    }
}
