package bg.digiclub.collector.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import bg.digiclub.support.expiry.ExpiringMap.Renewal;
import bg.digiclub.support.expiry.ExpiringTokens;

/**
 * Signed-in dashboard sessions, in memory: a restart signs everyone out, which is acceptable
 * for a statistics dashboard and keeps session ids out of the database. A session ends after
 * {@code idleTimeout} without a request; at most {@value #MAX_SESSIONS} are kept, the longest idle
 * forgotten first.
 */
public final class WebSessions {
    static final int MAX_SESSIONS = 10_000;

    private final ExpiringTokens<User> sessions;

    public WebSessions(Clock clock, Duration idleTimeout) {
        this.sessions = new ExpiringTokens<>(clock, idleTimeout, Renewal.ON_USE, MAX_SESSIONS, new SecureRandom());
    }

    /** Starts a session and returns its id (the cookie value). */
    public String start(User user) {
        return sessions.issue(user);
    }

    /** The session's user, if the id is known and not idle too long; touching it keeps it alive. */
    public Optional<User> user(String id) {
        return sessions.subjectOf(id);
    }

    public void end(String id) {
        sessions.revoke(id);
    }
}
