package bg.digiclub.agent.link;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Short-lived random tokens, each standing for a subject (a staff login, a member's card code),
 * kept in memory only: an agent restart ends them all. Tokens are 32 random bytes, so they
 * cannot be guessed; at most {@code capacity} are kept, the oldest dropped first.
 */
public final class ExpiringTokens {
    private final Clock clock;
    private final Duration ttl;
    private final boolean slideOnUse;
    private final int capacity;
    private final SecureRandom random;
    private final Map<String, Entry> tokens = new LinkedHashMap<>();

    /**
     * @param ttl        how long a token lives after it was issued, or last used if {@code slideOnUse}
     * @param slideOnUse whether each use extends the token's life by {@code ttl}
     */
    public ExpiringTokens(Clock clock, Duration ttl, boolean slideOnUse, int capacity, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.slideOnUse = slideOnUse;
        this.capacity = capacity;
        this.random = Objects.requireNonNull(random, "random");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + ttl);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("token capacity must be at least 1, got " + capacity);
        }
    }

    /** A new token for {@code subject}. */
    public synchronized String issue(String subject) {
        Instant now = clock.instant();
        purge(now);
        while (tokens.size() >= capacity) {
            Iterator<String> oldest = tokens.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Entry(subject, now.plus(ttl)));
        return token;
    }

    /** The subject of a live token; empty if unknown or expired. */
    public synchronized Optional<String> subjectOf(String token) {
        Instant now = clock.instant();
        Entry e = tokens.get(token);
        if (e == null || !e.expiresAt().isAfter(now)) {
            tokens.remove(token);
            return Optional.empty();
        }
        if (slideOnUse) {
            tokens.put(token, new Entry(e.subject(), now.plus(ttl)));
        }
        return Optional.of(e.subject());
    }

    /** The subject of a live token, which is used up: a second call finds nothing. */
    public synchronized Optional<String> take(String token) {
        Optional<String> subject = subjectOf(token);
        tokens.remove(token);
        return subject;
    }

    /** Ends {@code token} now; nothing happens if it is unknown or already expired. */
    public synchronized void revoke(String token) {
        tokens.remove(token);
    }

    private void purge(Instant now) {
        tokens.values().removeIf(e -> !e.expiresAt().isAfter(now));
    }

    private record Entry(String subject, Instant expiresAt) {
    }
}
