package bg.digiclub.agent.link;

import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the link keeps about one account that connects: whether it is the kiosk's, its request
 * bucket, and when the log last said something about it. One per account (not per connection),
 * so a peer that reconnects starts with what it left behind.
 *
 * <p>Log lines about a peer are at most one a minute per kind ({@link LogPace}): a peer that
 * floods must not flood the agent's log (and disk) with the agent's own words about it.
 */
final class PeerAccount {
    /** What the log may say about a peer. */
    enum Notice {
        REFUSED,
        BUSY,
        RATE_LIMITED,
        TOO_LARGE
    }

    private final UserPrincipal user;
    private final boolean kiosk;
    private final RequestBucket requests;
    private final Clock clock;
    private final Map<Notice, LogPace> notices = new EnumMap<>(Notice.class);

    PeerAccount(UserPrincipal user, boolean kiosk, PeerLimits.RequestRate rate, Clock clock) {
        this.user = user;
        this.kiosk = kiosk;
        this.requests = new RequestBucket(rate, clock);
        this.clock = clock;
    }

    UserPrincipal user() {
        return user;
    }

    String name() {
        return user.getName();
    }

    boolean isKiosk() {
        return kiosk;
    }

    RequestBucket requests() {
        return requests;
    }

    /**
     * Whether to log this notice now: -1 if one was logged less than a minute ago (it is
     * counted), else how many were left out since the last one logged.
     */
    synchronized long notice(Notice kind) {
        return notices.computeIfAbsent(kind, k -> new LogPace()).due(clock.millis());
    }

    /** True when nothing is remembered that a new account would not have as well. */
    synchronized boolean isForgettable() {
        long now = clock.millis();
        return requests.isFull() && notices.values().stream().allMatch(p -> p.isQuiet(now));
    }
}
