package bg.digiclub.common.link;

import java.util.Objects;

/**
 * The kiosk asks the agent to start a session. The agent decides the rest: the id, the start
 * time (its own clock), the secret that heartbeats and the end must present, and for a member
 * the time actually allowed.
 *
 * @param memberTicket   for {@link VisitorKind#MEMBER}: the ticket of a successful
 *                       {@code member.login} in the last minutes (the agent knows the card by it;
 *                       the code itself is not sent); null for a guest
 * @param allowedMinutes the guest session length the club configured; for a member the agent
 *                       grants at most what the card has left today
 * @param kioskPid       the kiosk's own process id, or null: the agent ends the session as soon as
 *                       that process is gone (killed, crashed) instead of waiting for missed heartbeats
 */
public record SessionStart(
        VisitorKind kind, String memberTicket, Demographics demographics, int allowedMinutes, Long kioskPid) {
    /** The longest session the agent grants at once (a whole opening day). */
    public static final int MAX_MINUTES = 720;

    public SessionStart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(demographics, "demographics");
        if ((kind == VisitorKind.MEMBER) != (memberTicket != null)) {
            throw new IllegalArgumentException("memberTicket must be set for MEMBER and only for MEMBER");
        }
        if (allowedMinutes < 1 || allowedMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException(
                    "allowedMinutes must be between 1 and " + MAX_MINUTES + ", got " + allowedMinutes);
        }
        if (kioskPid != null && kioskPid <= 0) {
            throw new IllegalArgumentException("kioskPid must be a process id (positive), got " + kioskPid);
        }
    }

    @Override
    public String toString() {
        return "SessionStart[kind=" + kind + ", demographics=" + demographics + ", allowedMinutes=" + allowedMinutes
                + ", kioskPid=" + kioskPid + "]";
    }
}
