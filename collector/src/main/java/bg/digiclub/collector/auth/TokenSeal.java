package bg.digiclub.collector.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps an enrolment's answer so that only the agent that asked can have it again. The collector
 * stores a device's token only as a hash, yet a retried enrolment whose answer was lost must get
 * the same token. So the token is also kept encrypted (AES-256-GCM) under a key derived from the
 * agent's request key, a 256-bit secret the collector stores only as a (differently derived)
 * hash: the database alone, a backup or a reader of it, cannot recover a token; the agent that
 * holds the request key can, for as long as the answer is kept.
 */
public final class TokenSeal {
    private static final String KEY_LABEL = "digiclub enrolment answer key\0";
    private static final String LOOKUP_LABEL = "digiclub enrolment request\0";
    private static final int NONCE_BYTES = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSeal() {}

    /** The stored, look-up form of a request key; reveals nothing of the sealing key. */
    public static String keyHash(String requestKey) {
        return Secrets.sha256(LOOKUP_LABEL + requestKey);
    }

    /** The token encrypted under the request key: base64url of nonce and ciphertext with its tag. */
    public static String seal(String requestKey, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, requestKey, nonce);
            byte[] sealed = aes.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** The token sealed under this request key; empty if the key is another one or the text was changed. */
    public static Optional<String> open(String requestKey, String sealed) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher aes = cipher(Cipher.DECRYPT_MODE, requestKey, Arrays.copyOf(in, NONCE_BYTES));
            byte[] token = aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(token, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String requestKey, byte[] nonce) throws GeneralSecurityException {
        byte[] key =
                MessageDigest.getInstance("SHA-256").digest((KEY_LABEL + requestKey).getBytes(StandardCharsets.UTF_8));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return aes;
    }
}
