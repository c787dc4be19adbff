package bg.digiclub.collector.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Random secrets and their stored form. Tokens and codes are long random values, so a plain
 * SHA-256 is the right stored form (a slow hash protects guessable passwords, not these).
 */
public final class Secrets {
    /** Crockford's base32: no I, L, O, U, so a code read aloud or handwritten is not misread. */
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** A device bearer token: 32 random bytes, base64url without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An enrolment code {@code XXXX-XXXX-XXXX}: 60 random bits. */
    public String newEnrolmentCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CROCKFORD[random.nextInt(CROCKFORD.length)]);
        }
        return code.toString();
    }

    /** A password for generated demo accounts: 16 characters of base64url. */
    public String newPassword() {
        return newToken().substring(0, 16);
    }

    /** The stored form of an enrolment code as staff may type it (case and O/0, I/1 forgiven). */
    public static String hashCode(String code) {
        String canonical = code.strip()
                .toUpperCase(Locale.ROOT)
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        return sha256(canonical);
    }

    /** The stored form of a token. */
    public static String hashToken(String token) {
        return sha256(token);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
