package bg.digiclub.agent.live;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.config.ConfigProperties;

/**
 * The live channel to the collector (keys {@code live.*}, explained in
 * {@code agent/config/agent.example.properties}; the protocol in docs/live.md).
 *
 * @param enabled        keep a live connection while the PC is enrolled (it still needs {@code upload.url})
 * @param ping           how often a ping goes to the collector; a pong missing by the next ping drops the
 *                       connection (the collector drops one silent for 60 s)
 * @param initialBackoff the first reconnect waits up to this long (full jitter)...
 * @param maxBackoff     ...doubling up to this cap; also how often an agent not yet enrolled looks again
 * @param stateEvery     the state goes up at least this often while nothing changes (a sign of life)
 * @param coalesce       changes within this long of the first go up as one state
 */
public record LiveSettings(
        boolean enabled,
        Duration ping,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration stateEvery,
        Duration coalesce) {
    public static final Duration DEFAULT_PING = Duration.ofSeconds(20);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

    /** The decision's timings: ping 20 s, reconnect 1 s .. 60 s, state every 30 s, changes within 1 s. */
    public static final LiveSettings DEFAULTS = new LiveSettings(
            true,
            DEFAULT_PING,
            Duration.ofSeconds(1),
            DEFAULT_MAX_BACKOFF,
            Duration.ofSeconds(30),
            Duration.ofMillis(250));

    public LiveSettings {
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(stateEvery, "stateEvery");
        Objects.requireNonNull(coalesce, "coalesce");
        requirePositive(ping, "ping");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(stateEvery, "stateEvery");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must not be shorter than initialBackoff, was " + maxBackoff + " < " + initialBackoff);
        }
        if (coalesce.isNegative() || coalesce.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new IllegalArgumentException(
                    "coalesce must be 0 to under a second (state within 1 s), was " + coalesce);
        }
    }

    /** Reads the {@code live.*} keys; a bad value is a ConfigException naming the file and key. */
    public static LiveSettings read(ConfigProperties c) {
        boolean enabled = c.bool("live.enabled", true);
        Duration ping = c.seconds("live.ping-seconds", DEFAULT_PING, Duration.ofSeconds(5), Duration.ofSeconds(55));
        Duration max =
                c.seconds("live.max-backoff-seconds", DEFAULT_MAX_BACKOFF, Duration.ofSeconds(1), Duration.ofHours(1));
        return new LiveSettings(
                enabled, ping, DEFAULTS.initialBackoff(), max, DEFAULTS.stateEvery(), DEFAULTS.coalesce());
    }

    /** A copy with other timings (tests: a collector that answers in milliseconds). */
    public LiveSettings withTimings(Duration initialBackoff, Duration maxBackoff, Duration stateEvery) {
        return new LiveSettings(enabled, ping, initialBackoff, maxBackoff, stateEvery, coalesce);
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
