package bg.digiclub.support.expiry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.support.expiry.ExpiringMap.Renewal;

/**
 * Short-lived random tokens, each standing for a subject: a staff login or a member's login on a
 * club PC, a signed-in dashboard user on the collector. A token is 32 random bytes in base64url
 * (43 characters), so it cannot be guessed; the subjects are kept in an {@link ExpiringMap}, in
 * memory only.
 */
public final class ExpiringTokens<S> {
    private static final int TOKEN_BYTES = 32;

    private final ExpiringMap<String, S> subjects;
    private final SecureRandom random;

    public ExpiringTokens(Clock clock, Duration ttl, Renewal renewal, int capacity, SecureRandom random) {
        this.subjects = new ExpiringMap<>(clock, ttl, renewal, capacity);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new token for {@code subject}. */
    public String issue(S subject) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        subjects.put(token, subject);
        return token;
    }

    /** The subject of a live token; empty if unknown, expired or {@code null}. */
    public Optional<S> subjectOf(String token) {
        return subjects.get(token);
    }

    /** The subject of a live token, which is used up: a second call finds nothing. */
    public Optional<S> take(String token) {
        return subjects.take(token);
    }

    /** Ends {@code token} now; nothing happens if it is unknown or already expired. */
    public void revoke(String token) {
        subjects.remove(token);
    }
}
