package bg.digiclub.common.link.wire;

/** The error codes the agent answers with. */
public final class ErrorCodes {
    /** Not JSON, wrong envelope, a missing or wrongly typed field, a value out of range. */
    public static final String BAD_REQUEST = "bad_request";
    /** The request line is longer than the agent accepts; it was discarded unread. */
    public static final String TOO_LARGE = "too_large";
    /** The {@code type} is not one of {@link MessageTypes}. */
    public static final String UNKNOWN_TYPE = "unknown_type";
    /** The connecting account is not allowed to use the socket; the connection is closed. */
    public static final String FORBIDDEN = "forbidden";
    /** A staff operation without a valid (present, unexpired) staff token: log in as staff again. */
    public static final String STAFF_AUTH_REQUIRED = "staff_auth_required";
    /** No staff PIN has been set on this PC yet ({@code digiclub-agent staff-pin}). */
    public static final String STAFF_PIN_NOT_SET = "staff_pin_not_set";
    /** A member operation without a valid member ticket from a login on this PC. */
    public static final String MEMBER_AUTH_REQUIRED = "member_auth_required";
    /** The card code is not known. */
    public static final String UNKNOWN_CARD = "unknown_card";
    /** The member already declared age band and sex; it is declared once. */
    public static final String ALREADY_DECLARED = "already_declared";
    /** A heartbeat, end or launch without the session's secret. */
    public static final String SESSION_AUTH_REQUIRED = "session_auth_required";
    /** The session is over (ended by the agent: its time ran out or its heartbeats stopped). */
    public static final String SESSION_ENDED = "session_ended";
    /**
     * Not now: a session is running or maintenance is on, or the asking account uses more than its
     * share of the link. The same request may succeed later.
     */
    public static final String BUSY = "busy";
    /** The previous visitor's data could not be removed: no session until it is. */
    public static final String OUT_OF_ORDER = "out_of_order";
    /** People are waiting: a new session right after one ended needs their turn or staff approval. */
    public static final String QUEUE_WAITING = "queue_waiting";
    /** Staff took the PC out of service, or the club is closed: no session starts. */
    public static final String CLOSED = "closed";
    /** Not allowed now by the club's rules (a second grace block, grace with people waiting). */
    public static final String NOT_ALLOWED = "not_allowed";
    /** The agent cannot answer this now (health not available yet); try again later. */
    public static final String UNAVAILABLE = "unavailable";
    /** The agent failed (database error); try again later. Nothing was changed. */
    public static final String INTERNAL = "internal";

    private ErrorCodes() {}
}
