package bg.digiclub.collector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokenSealTest {
    private final Secrets secrets = new Secrets();

    @Test
    void onlyTheRequestKeyOpensTheSealedToken() {
        String key = secrets.newToken();
        String token = secrets.newToken();
        String sealed = TokenSeal.seal(key, token);
        assertFalse(sealed.contains(token));
        assertEquals(Optional.of(token), TokenSeal.open(key, sealed));
        assertTrue(TokenSeal.open(secrets.newToken(), sealed).isEmpty(), "another key opens nothing");
        char[] changed = sealed.toCharArray();
        changed[20] = changed[20] == 'A' ? 'B' : 'A';
        assertTrue(TokenSeal.open(key, new String(changed)).isEmpty(), "a changed seal opens nothing");
        assertNotEquals(TokenSeal.seal(key, token), sealed, "every seal has its own nonce");
    }

    @Test
    void theStoredKeyHashIsNotTheKeyNorItsPlainHash() {
        String key = secrets.newToken();
        assertNotEquals(Secrets.sha256(key), TokenSeal.keyHash(key));
        assertEquals(TokenSeal.keyHash(key), TokenSeal.keyHash(key));
    }
}
