package bg.digiclub.support.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret key: how a club's member card codes are named between the agents and
 * the collector, so that a card's code never leaves the PC it was typed on, yet every PC of the club
 * (which has the club's key) finds the same card. The agent and the collector make the same hash
 * with this one class.
 */
public final class KeyedHash {
    /** Key length in bytes. */
    public static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** @param key {@value #KEY_BYTES} bytes, as {@link #newKey} makes them (base64) */
    public KeyedHash(String key) {
        Objects.requireNonNull(key, "key");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes, was " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A new random key, base64 (44 characters). */
    public static String newKey(SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** HMAC-SHA256 of the text's UTF-8 bytes, 64 lowercase hex digits. */
    public String hex(String text) {
        Objects.requireNonNull(text, "text");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime has HmacSHA256
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[key=<hidden>]";
    }
}
