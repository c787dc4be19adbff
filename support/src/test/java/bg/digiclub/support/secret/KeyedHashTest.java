package bg.digiclub.support.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyedHashTest {
    @Test
    void matchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" (a 4-byte key is not
        // ours to take, so the vector is checked on a 32-byte key padded with zeros, which HMAC treats alike)
        byte[] key = new byte[KeyedHash.KEY_BYTES];
        System.arraycopy("Jefe".getBytes(), 0, key, 0, 4);
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new KeyedHash(Base64.getEncoder().encodeToString(key)).hex("what do ya want for nothing?"));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        SecureRandom random = new SecureRandom();
        String code = "12345678";
        assertNotEquals(
                new KeyedHash(KeyedHash.newKey(random)).hex(code), new KeyedHash(KeyedHash.newKey(random)).hex(code));
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new KeyedHash(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new KeyedHash("not base64!"));
    }
}
