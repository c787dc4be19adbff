package bg.digiclub.support.secret;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlowHashTest {
    private final SlowHash hash = new SlowHash(SlowHash.MIN_ITERATIONS);

    @Test
    void theRightSecretMatchesAndNoOtherDoes() {
        String stored = hash.hash("482913".toCharArray());
        assertTrue(hash.matches("482913".toCharArray(), stored));
        assertFalse(hash.matches("482914".toCharArray(), stored));
        assertFalse(hash.matches("".toCharArray(), stored));
        assertFalse(stored.contains("482913"));
        String password = hash.hash("читалище 1860".toCharArray());
        assertTrue(hash.matches("читалище 1860".toCharArray(), password));
        assertFalse(hash.matches("читалище 1861".toCharArray(), password));
    }

    @Test
    void theSameSecretGetsADifferentSaltEachTime() {
        assertNotEquals(hash.hash("111111".toCharArray()), hash.hash("111111".toCharArray()));
    }

    @Test
    void aHashRecordsItsIterationsSoTheyCanBeRaisedLater() {
        String stored = hash.hash("111111".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertFalse(hash.needsRehash(stored));
        SlowHash stronger = new SlowHash(20_000);
        assertTrue(stronger.needsRehash(stored));
        assertTrue(stronger.matches("111111".toCharArray(), stored), "old hashes still check");
    }

    @Test
    void tooFewIterationsAndOverlongSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SlowHash(SlowHash.MIN_ITERATIONS - 1));
        char[] huge = new char[SlowHash.MAX_SECRET_LENGTH + 1];
        assertThrows(IllegalArgumentException.class, () -> hash.hash(huge));
        assertFalse(hash.matches(huge, hash.hash("1".toCharArray())));
    }

    @Test
    void aStoredValueOfAnotherSchemeOrDamagedNeverMatchesAndAsksForARehash() {
        assertFalse(hash.matches("pw".toCharArray(), "md5$abc"));
        assertFalse(hash.matches("pw".toCharArray(), "pbkdf2-sha256$x$y$z"));
        assertFalse(hash.matches("pw".toCharArray(), "pbkdf2-sha256$10000$%%%$%%%"));
        assertFalse(hash.matches("pw".toCharArray(), null));
        assertTrue(hash.needsRehash("md5$abc"));
    }
}
