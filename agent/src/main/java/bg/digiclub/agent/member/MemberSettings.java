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
 */
public record MemberSettings(Allowances allowances, int pbkdf2Iterations) {
    /**
     * PBKDF2 iterations for PINs. A check costs about 58 ms of CPU on the development machine class
     * (2 cores, Java 17; measured by {@code PinHashBenchmark}), so an older club PC stays near 100 ms:
     * slow enough that trying all million 6-digit PINs of one card offline takes about 16 CPU-hours,
     * quick enough for a login to feel immediate. (OWASP's 600,000 would cost 150 ms here and over
     * 300 ms on a slow PC.) PINs have little entropy: online the protection is the lockout, offline
     * that only the agent's account can read the database.
     */
    public static final int DEFAULT_PIN_ITERATIONS = 210_000;

    public MemberSettings {
        Objects.requireNonNull(allowances, "allowances");
    }

    public static MemberSettings read(ConfigProperties c) {
        Duration perSession = c.minutes(
                "members.session-minutes", Duration.ofMinutes(60), Duration.ofMinutes(1), Duration.ofHours(24));
        Duration daily = c.minutes(
                "members.daily-minutes", Duration.ofMinutes(120), Duration.ofMinutes(1), Duration.ofHours(24));
        int iterations =
                c.integer("members.pbkdf2-iterations", DEFAULT_PIN_ITERATIONS, SlowHash.MIN_ITERATIONS, 10_000_000);
        return new MemberSettings(new Allowances(perSession, daily), iterations);
    }
}
