package bg.digiclub.agent.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a session's kiosk presents with every heartbeat and with the end: 32 random bytes,
 * handed out once by {@code session.start}. The ledger keeps only its SHA-256 (a random secret
 * needs no slow hash), so a copy of the database does not let anyone end a running session.
 */
final class SessionSecrets {
    private final SecureRandom random;

    SessionSecrets(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
