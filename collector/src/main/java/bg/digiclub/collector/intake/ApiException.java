package bg.digiclub.collector.intake;

import java.time.Duration;

/** A refusal of an API request: the HTTP status, a stable code and a message naming what is wrong. */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Duration retryAfter;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long the client should wait, for 429 and 503; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
