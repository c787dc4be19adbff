package bg.digiclub.common.batch;

/**
 * The body of every 4xx/5xx answer of the collector's API.
 *
 * @param status  the HTTP status, repeated for logs
 * @param code    a stable machine-readable reason ({@code unknown-field}, {@code too-large},
 *                {@code batch-conflict}, ...; see docs/protocol.md)
 * @param message a sentence naming what is wrong, safe to store with a quarantined batch
 */
public record Problem(int status, String code, String message) {
    public Problem {
        Require.range(status, 400, 599, "status");
        Require.present(code, "code");
        Require.present(message, "message");
    }
}
