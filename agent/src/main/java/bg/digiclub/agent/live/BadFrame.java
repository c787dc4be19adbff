package bg.digiclub.agent.live;

import java.nio.charset.StandardCharsets;

/**
 * A frame from the collector that is not a live message the agent accepts: the connection is
 * closed with 1003 and {@link #reason()}, which fits a WebSocket close frame (at most 123 bytes);
 * except for a command that names its id ({@link UnreadableCommand}), which is answered instead.
 */
class BadFrame extends Exception {
    private static final long serialVersionUID = 1L;
    /** A close frame's reason has at most 123 bytes of UTF-8; printable ASCII keeps it at one per character. */
    static final int MAX_REASON = 120;

    BadFrame(String reason) {
        super(fit(reason));
    }

    String reason() {
        return getMessage();
    }

    private static String fit(String reason) {
        String ascii = reason.replaceAll("[^\\x20-\\x7e]", "?");
        String cut = ascii.length() > MAX_REASON ? ascii.substring(0, MAX_REASON) : ascii;
        assert cut.getBytes(StandardCharsets.UTF_8).length <= 123;
        return cut;
    }
}
