package bg.digiclub.agent.session;

/** A heartbeat or end for a session id the ledger has never seen started. */
public class UnknownSessionException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownSessionException(String sessionId) {
        super("no session " + sessionId + " was started");
    }
}
