package bg.digiclub.agent.member;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.support.secret.SlowHash;

/**
 * Member cards on this PC.
 *
 * @param allowances       time per session and per day
 * @param pbkdf2Iterations PBKDF2 iterations for new PIN hashes (cost of one PIN check)
 * @param syncInterval     how often the club's cards are synced through the collector (the live
 *                         channel asks for a sync at once when they change)
 */
public record MemberSettings(Allowances allowances, int pbkdf2Iterations, Duration syncInterval) {
    /** PBKDF2 iterations for PINs: the one figure of every PC and the collector ({@link SlowHash#PIN_ITERATIONS}). */
    public static final int DEFAULT_PIN_ITERATIONS = SlowHash.PIN_ITERATIONS;

    public MemberSettings {
        Objects.requireNonNull(allowances, "allowances");
        Objects.requireNonNull(syncInterval, "syncInterval");
    }

    public static MemberSettings read(ConfigProperties c) {
        Duration perSession = c.minutes(
                "members.session-minutes", Duration.ofMinutes(60), Duration.ofMinutes(1), Duration.ofHours(24));
        Duration daily = c.minutes(
                "members.daily-minutes", Duration.ofMinutes(120), Duration.ofMinutes(1), Duration.ofHours(24));
        int iterations =
                c.integer("members.pbkdf2-iterations", DEFAULT_PIN_ITERATIONS, SlowHash.MIN_ITERATIONS, 10_000_000);
        Duration sync = c.seconds(
                "members.sync-seconds", Duration.ofSeconds(120), Duration.ofSeconds(10), Duration.ofHours(24));
        return new MemberSettings(new Allowances(perSession, daily), iterations, sync);
    }
}
