package bg.digiclub.collector.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 fed line by line, for texts too long to build in memory (the figures of everything
 * stored before the chain began). Hex in lower case, as every hash the collector stores.
 */
final class Sha256 {
    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Adds the text's UTF-8 bytes and a line feed. */
    Sha256 line(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(byte[] bytes) {
        Sha256 sha = new Sha256();
        sha.digest.update(bytes);
        return sha.hex();
    }
}
