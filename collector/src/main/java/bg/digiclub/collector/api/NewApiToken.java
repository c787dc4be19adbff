package bg.digiclub.collector.api;

import java.util.Objects;

/**
 * A token just made: the only moment its secret exists outside the client that will use it.
 *
 * @param token  the stored record
 * @param secret {@code dc_} and 43 characters of base64url: show it once, never store it
 */
public record NewApiToken(ApiToken token, String secret) {
    public NewApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "NewApiToken[" + token + ", secret=(shown once)]";
    }
}
