package bg.digiclub.common.link.wire;

import java.util.Objects;

/**
 * Why a request was refused.
 *
 * @param code    one of {@link ErrorCodes}, stable, for programs
 * @param message what was wrong, in English, for people and logs; never contains a PIN or token
 */
public record LinkError(String code, String message) {
    public LinkError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
