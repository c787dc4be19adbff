package bg.digiclub.agent.session;

import java.util.Objects;

/** The session authority refused a request; {@link #code()} is the link's error code. */
public final class SessionRefusedException extends Exception {
    private final String code;

    public SessionRefusedException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
