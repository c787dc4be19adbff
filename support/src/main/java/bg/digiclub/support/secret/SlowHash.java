package bg.digiclub.support.secret;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The slow hash of a secret a person chooses and could be guessed: a member's or the staff's
 * PIN on a club PC, a dashboard password on the collector. PBKDF2WithHmacSHA256 with a random
 * 16-byte salt per secret; checks compare in constant time.
 *
 * <p>The stored form is {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}: the iteration
 * count travels with each hash, so it can be raised later without breaking stored hashes
 * ({@link #needsRehash}). Each program chooses its count: the agent's PIN default is cheaper than
 * the collector's password default because a club PC is slow and its PINs are protected online by
 * lockouts (see the agent's member settings and the collector's server settings).
 *
 * <p>Two guards every caller gets: input longer than {@value #MAX_SECRET_LENGTH} characters is
 * refused before hashing, and {@link #burn} spends the time of one check without checking, so an
 * unknown card or user name answers as slowly as a wrong PIN or password.
 */
public final class SlowHash {
    /** Below this a hash is too cheap to be worth calling slow. */
    public static final int MIN_ITERATIONS = 10_000;
    /** Longer input is refused before hashing, so nobody can make a program hash megabytes. */
    public static final int MAX_SECRET_LENGTH = 1024;

    /**
     * PBKDF2 iterations for member card PINs, wherever a PIN is hashed (the agent's staff panel, the
     * collector's cards page): every PC of the club checks the same hash. A check costs about 58 ms of
     * CPU on the development machine class (2 cores, Java 17; measured by the agent's
     * {@code PinHashBenchmark}), so an older club PC stays near 100 ms: slow enough that trying all
     * million 6-digit PINs of one card offline takes about 16 CPU-hours, quick enough for a login to
     * feel immediate. (OWASP's 600,000 would cost 150 ms here and over 300 ms on a slow PC.) PINs have
     * little entropy: online the protection is the lockout, offline that only the agent's account (and
     * the collector's database) holds the hashes.
     */
    public static final int PIN_ITERATIONS = 210_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    /** Made on first use, not at start-up: one hash costs up to a second while the JVM is cold. */
    private Stored dummy;

    /**
     * @param iterations PBKDF2 iterations for new hashes, at least {@value #MIN_ITERATIONS}
     */
    public SlowHash(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException(
                    "PBKDF2 iterations must be at least " + MIN_ITERATIONS + ", got " + iterations);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    public SlowHash(int iterations) {
        this(iterations, new SecureRandom());
    }

    public int iterations() {
        return iterations;
    }

    /**
     * A new salted hash of {@code secret}.
     *
     * @throws IllegalArgumentException if it is longer than {@value #MAX_SECRET_LENGTH} characters
     */
    public String hash(char[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret longer than " + MAX_SECRET_LENGTH + " characters");
        }
        byte[] salt = newSalt();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(secret, salt, iterations));
    }

    /**
     * True if {@code secret} is the secret {@code stored} was made from. A stored value that is not
     * a hash of this scheme, or an overlong secret, never matches, after the time of one check.
     */
    public boolean matches(char[] secret, String stored) {
        Objects.requireNonNull(secret, "secret");
        Optional<Stored> parsed = Stored.parse(stored);
        if (parsed.isEmpty() || secret.length > MAX_SECRET_LENGTH) {
            burn();
            return false;
        }
        Stored s = parsed.get();
        return MessageDigest.isEqual(derive(secret, s.salt(), s.iterations()), s.hash());
    }

    /** True if {@code stored} was made with another iteration count than this one's, or is not ours. */
    public boolean needsRehash(String stored) {
        return Stored.parse(stored).map(s -> s.iterations() != iterations).orElse(true);
    }

    /** Spends the time of one check without checking anything. */
    public void burn() {
        Stored d;
        synchronized (this) {
            if (dummy == null) {
                byte[] salt = newSalt();
                dummy = new Stored(iterations, salt, derive("0".toCharArray(), salt, iterations));
            }
            d = dummy;
        }
        MessageDigest.isEqual(derive("1".toCharArray(), d.salt(), d.iterations()), d.hash());
    }

    private byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime has PBKDF2WithHmacSHA256; without it nothing can be checked
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Stored(int iterations, byte[] salt, byte[] hash) {
        static Optional<Stored> parse(String stored) {
            if (stored == null) {
                return Optional.empty();
            }
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals(SCHEME)) {
                return Optional.empty();
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                if (iterations < 1) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(
                        iterations,
                        Base64.getDecoder().decode(parts[2]),
                        Base64.getDecoder().decode(parts[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
