package bg.digiclub.kiosk.agentlink;

/**
 * The agent was reached and answered, but refused the request; {@link #code()} says why, as
 * one of {@code bg.digiclub.common.link.wire.ErrorCodes} or {@link #STAFF_LOCKED}. For
 * {@code staff_auth_required} the staff panel asks for the staff PIN again.
 */
public class AgentRefusedException extends AgentUnavailableException {
    private static final long serialVersionUID = 1L;

    /** Staff login is locked for a while after repeated wrong PINs. */
    public static final String STAFF_LOCKED = "staff_locked";

    private final String code;

    public AgentRefusedException(String code, String message) {
        super(message, null);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
