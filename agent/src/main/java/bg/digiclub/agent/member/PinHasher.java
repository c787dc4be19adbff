package bg.digiclub.agent.member;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes PINs with PBKDF2WithHmacSHA256, a random 16-byte salt per PIN and a configurable
 * iteration count, and checks them in constant time.
 *
 * <p>The encoded form is {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}, so the
 * iteration count can be raised later without breaking stored hashes ({@link #needsRehash}).
 *
 * <p>Why the default of {@value #DEFAULT_ITERATIONS}: a check costs about 58 ms of CPU on the
 * development machine class (2 cores, Java 17; 55-110 ms wall-clock while seven builds ran on
 * it; measured by {@code PinHashBenchmark}), so an older club PC stays near 100 ms: slow enough
 * that trying all million 6-digit PINs of one card offline takes about 16 CPU-hours, quick
 * enough for a login to feel immediate. (OWASP's 600,000 for PBKDF2-SHA256 would cost 150 ms
 * here and over 300 ms on a slow PC.)
 * PINs have little entropy, so the real protection online is the lockout, and offline it is
 * that only the agent's account can read the database.
 */
public final class PinHasher {
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** Below this a hash is too cheap to be worth calling slow. */
    public static final int MIN_ITERATIONS = 10_000;
    /** Longer input is refused before hashing, so nobody can make the agent hash megabytes. */
    public static final int MAX_PIN_LENGTH = 64;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    /** Made on first use, not at start-up: one hash costs ~1 s of CPU while the JVM is still cold. */
    private String dummyHash;

    /**
     * @param iterations PBKDF2 iterations for new hashes, at least {@value #MIN_ITERATIONS}
     */
    public PinHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_ITERATIONS + ", got " + iterations);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    public PinHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    public int iterations() {
        return iterations;
    }

    /** A new salted hash of {@code pin}. */
    public String hash(char[] pin) {
        checkLength(pin);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(pin, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True if {@code pin} is the PIN {@code encoded} was made from. Compares in constant time. */
    public boolean matches(char[] pin, String encoded) {
        Encoded e = Encoded.parse(encoded);
        if (pin.length > MAX_PIN_LENGTH) {
            burn();
            return false;
        }
        return MessageDigest.isEqual(derive(pin, e.salt(), e.iterations()), e.hash());
    }

    /** True if {@code encoded} was made with another iteration count than this hasher's. */
    public boolean needsRehash(String encoded) {
        return Encoded.parse(encoded).iterations() != iterations;
    }

    /**
     * Spends the time of one check without checking anything, so that answering "unknown
     * card" takes as long as answering "wrong PIN" and does not tell which codes exist.
     */
    public void burn() {
        String dummy;
        synchronized (this) {
            if (dummyHash == null) {
                dummyHash = hash("0".toCharArray());
            }
            dummy = dummyHash;
        }
        matches("1".toCharArray(), dummy);
    }

    private static void checkLength(char[] pin) {
        if (pin.length > MAX_PIN_LENGTH) {
            throw new IllegalArgumentException("PIN longer than " + MAX_PIN_LENGTH + " characters");
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime has PBKDF2WithHmacSHA256; without it no PIN can be checked.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Encoded(int iterations, byte[] salt, byte[] hash) {
        static Encoded parse(String encoded) {
            String[] parts = encoded.split("\\$");
            if (parts.length != 4 || !parts[0].equals(SCHEME)) {
                throw new IllegalStateException("stored PIN hash is not in the " + SCHEME + " format");
            }
            try {
                return new Encoded(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                        Base64.getDecoder().decode(parts[3]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("stored PIN hash is damaged", e);
            }
        }

    }
}
