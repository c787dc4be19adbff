package bg.digiclub.agent.link;

import java.time.Clock;

/**
 * A token bucket: one token per request, refilled at the rate's pace up to its burst. Shared by
 * all connections of one account, so opening more connections buys no more requests. Time is
 * the injected clock; a clock set back gives no tokens (and takes none).
 */
final class RequestBucket {
    private final PeerLimits.RequestRate rate;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    RequestBucket(PeerLimits.RequestRate rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
        this.tokens = rate.burst();
        this.lastMillis = clock.millis();
    }

    /** Takes a token if there is one. */
    synchronized boolean tryTake() {
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** True when the bucket is as full as a new one: forgetting it changes nothing. */
    synchronized boolean isFull() {
        refill();
        return tokens >= rate.burst();
    }

    PeerLimits.RequestRate rate() {
        return rate;
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastMillis) {
            tokens = Math.min(rate.burst(), tokens + (now - lastMillis) * rate.perSecond() / 1000.0);
        }
        lastMillis = now;
    }
}
