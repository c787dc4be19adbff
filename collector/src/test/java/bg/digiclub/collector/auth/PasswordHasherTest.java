package bg.digiclub.collector.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void matchesOnlyTheSamePassword() {
        String stored = hasher.hash("читалище 1860".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.matches("читалище 1860".toCharArray(), stored));
        assertFalse(hasher.matches("читалище 1861".toCharArray(), stored));
    }

    @Test
    void sameePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("x".toCharArray()), hasher.hash("x".toCharArray()));
    }

    @Test
    void aHashMadeWithOtherIterationsStillMatches() {
        String stored = new PasswordHasher(2000).hash("pw".toCharArray());
        assertTrue(hasher.matches("pw".toCharArray(), stored));
        assertFalse(hasher.matches("pw".toCharArray(), "md5$abc"));
    }
}
