package bg.digiclub.collector.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in dashboard sessions, in memory: a restart signs everyone out, which is acceptable
 * for a statistics dashboard and keeps session ids out of the database.
 */
public final class WebSessions {
    private final Clock clock;
    private final Duration idleTimeout;
    private final Secrets secrets;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    public WebSessions(Clock clock, Duration idleTimeout, Secrets secrets) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.secrets = secrets;
    }

    /** Starts a session and returns its id (the cookie value). */
    public String start(User user) {
        String id = secrets.newSessionId();
        Instant now = clock.instant();
        if (sessions.size() > 10_000) {
            // sessions are removed when used after their timeout; forget the abandoned ones too
            sessions.values().removeIf(e -> Duration.between(e.lastUsed, now).compareTo(idleTimeout) > 0);
        }
        sessions.put(id, new Entry(user, now));
        return id;
    }

    /** The session's user, if the id is known and not idle too long; touching it keeps it alive. */
    public Optional<User> user(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = sessions.computeIfPresent(id, (k, e) ->
                Duration.between(e.lastUsed, now).compareTo(idleTimeout) > 0 ? null : new Entry(e.user, now));
        return Optional.ofNullable(entry).map(e -> e.user);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private record Entry(User user, Instant lastUsed) {
    }
}
