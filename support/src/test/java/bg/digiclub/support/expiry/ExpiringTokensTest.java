package bg.digiclub.support.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import bg.digiclub.support.expiry.ExpiringMap.Renewal;
import bg.digiclub.testsupport.TestClock;

class ExpiringTokensTest {
    private final TestClock clock = TestClock.clubMorning();
    private final ExpiringTokens<String> tokens =
            new ExpiringTokens<>(clock, Duration.ofMinutes(2), Renewal.ON_USE, 16, new SecureRandom());

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = tokens.issue("staff");
            assertEquals(43, token.length(), token);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertTrue(seen.add(token), "a token came twice");
        }
    }

    @Test
    void aTokenStandsForItsSubjectUntilRevokedOrExpired() {
        String staff = tokens.issue("staff");
        String other = tokens.issue("other");
        assertEquals(Optional.of("staff"), tokens.subjectOf(staff));
        tokens.revoke(staff);
        assertEquals(Optional.empty(), tokens.subjectOf(staff));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), tokens.subjectOf(other));
        assertEquals(Optional.empty(), tokens.subjectOf("made-up"));
        assertEquals(Optional.empty(), tokens.subjectOf(null));
    }

    @Test
    void aTakenTokenIsUsedUp() {
        String ticket = tokens.issue("card 1234");
        assertEquals(Optional.of("card 1234"), tokens.take(ticket));
        assertEquals(Optional.empty(), tokens.take(ticket));
    }
}
