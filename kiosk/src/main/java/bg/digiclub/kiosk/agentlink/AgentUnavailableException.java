package bg.digiclub.kiosk.agentlink;

import java.io.IOException;

/** The agent could not be reached, or answered with an error the kiosk cannot act on. */
public class AgentUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
