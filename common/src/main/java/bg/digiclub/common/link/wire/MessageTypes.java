package bg.digiclub.common.link.wire;

import java.util.Set;

/** The request types the agent answers, with the body each takes and returns. */
public final class MessageTypes {
    /** {@code SessionStart} -> {@link SessionGranted}. */
    public static final String SESSION_START = "session.start";
    /** {@code SessionHeartbeat} -> {@link SessionTime}. */
    public static final String SESSION_HEARTBEAT = "session.heartbeat";
    /** {@code SessionEnd} -> {@link SessionEnded}. */
    public static final String SESSION_END = "session.end";
    /** no body -> {@link OpenSession}. */
    public static final String SESSION_OPEN = "session.open";
    /** {@link SessionExtend} -> {@link SessionTime}. Staff only. */
    public static final String SESSION_EXTEND = "session.extend";
    /** {@link MaintenanceRequest} -> empty body. Staff only. */
    public static final String MAINTENANCE_START = "maintenance.start";
    /** no body -> empty body. */
    public static final String MAINTENANCE_END = "maintenance.end";
    /** {@link AppLaunch} -> empty body. */
    public static final String APP_LAUNCH = "app.launch";
    /** {@link MemberCredentials} -> {@link MemberLoginAnswer}. */
    public static final String MEMBER_LOGIN = "member.login";
    /** {@link DeclareRequest} -> empty body. */
    public static final String MEMBER_DECLARE = "member.declare";
    /** {@link StaffRequest} -> list of {@link MemberCardView}. Staff only. */
    public static final String MEMBER_LIST = "member.list";
    /** {@link StaffRequest} -> {@link NewCardAnswer}. Staff only. */
    public static final String MEMBER_CREATE = "member.create";
    /** {@link CardRequest} -> {@link NewPinAnswer}. Staff only. */
    public static final String MEMBER_RESET_PIN = "member.reset-pin";
    /** {@link CardRequest} -> empty body. Staff only. */
    public static final String MEMBER_DISABLE = "member.disable";
    /** {@link StaffPinRequest} -> {@link StaffLoginAnswer}. */
    public static final String STAFF_LOGIN = "staff.login";
    /** {@link StaffRequest} -> empty body: the staff token is revoked (an unknown or expired one too). */
    public static final String STAFF_LOGOUT = "staff.logout";
    /** no body -> {@code HealthReport}. */
    public static final String HEALTH = "health";
    /** no body -> {@link Notices}. Asked every 2 s on every screen. */
    public static final String PC_NOTICES = "pc.notices";
    /** {@link NoticeAck} -> empty body: the staff message was read. */
    public static final String NOTICE_ACK = "notice.ack";
    /** no body -> {@link HelpState}: the visitor (or someone at the lock screen) calls the mentor. */
    public static final String HELP_CALL = "help.call";
    /** {@code SessionHeartbeat} (the session's id and secret) -> {@link SessionTime}: the visitor takes the grace block. */
    public static final String SESSION_GRACE = "session.grace";
    /**
     * {@link StaffRequest} -> empty body. Staff only: staff at the PC approve one new session although
     * people are waiting (as APPROVE_SESSION from the club page does).
     */
    public static final String SESSION_APPROVE = "session.approve";

    /** Every type above. */
    public static final Set<String> ALL = Set.of(
            SESSION_START,
            SESSION_HEARTBEAT,
            SESSION_END,
            SESSION_OPEN,
            SESSION_EXTEND,
            MAINTENANCE_START,
            MAINTENANCE_END,
            APP_LAUNCH,
            MEMBER_LOGIN,
            MEMBER_DECLARE,
            MEMBER_LIST,
            MEMBER_CREATE,
            MEMBER_RESET_PIN,
            MEMBER_DISABLE,
            STAFF_LOGIN,
            STAFF_LOGOUT,
            HEALTH,
            PC_NOTICES,
            NOTICE_ACK,
            HELP_CALL,
            SESSION_GRACE,
            SESSION_APPROVE);

    private MessageTypes() {}
}
