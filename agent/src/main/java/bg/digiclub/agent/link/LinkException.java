package bg.digiclub.agent.link;

import java.util.Objects;

/** A request refused with an error code from {@link bg.digiclub.common.link.wire.ErrorCodes}. */
public class LinkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    public LinkException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
