package bg.digiclub.kiosk.agentlink;

import java.time.Duration;
import java.util.List;

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;

/**
 * What the kiosk asks of the agent. The agent owns all data and is the authority over sessions:
 * it starts them by its own clock, ends the visitor's programs and resets the visitor's home,
 * and ends a session itself when the kiosk goes silent. The kiosk keeps nothing on disk.
 *
 * <p>One session at a time: the implementation keeps the running session's id and secret (and
 * a staff token after {@link #authenticateStaff}) and presents them itself. Every call throws
 * {@link AgentUnavailableException} when the agent cannot be reached, and its subclass
 * {@link AgentRefusedException} when the agent says no, so the UI can say why.
 */
public interface AgentClient extends AutoCloseable {

    /**
     * Starts a session. For a member, {@code cardCode} must have logged in moments ago
     * ({@link #authenticateMember}); its login ticket is presented here.
     *
     * @param allowed the club's guest session length, or what the member's login allowed
     * @return the time the agent granted
     */
    Duration startSession(VisitorKind kind, String cardCode, Demographics demographics, Duration allowed)
            throws AgentUnavailableException;

    /**
     * Tells the agent the running session is alive.
     *
     * @return the time left by the agent's clock
     * @throws AgentRefusedException {@code session_ended} if the agent has ended the session
     */
    Duration heartbeat() throws AgentUnavailableException;

    /**
     * Ends the running session; the agent ends every program of the visitor and resets the home
     * before it answers. {@link EndReason#STAFF} presents the staff token.
     *
     * @return each step of the reset
     */
    List<WipeStepResult> endSession(EndReason reason) throws AgentUnavailableException;

    /** Staff give the running session more time; returns the time left. */
    Duration extendSession(Duration more) throws AgentUnavailableException;

    /** Whether a session is open (one this kiosk lost by being restarted) and whether the PC is out of order. */
    PcStatus pcStatus() throws AgentUnavailableException;

    /** Staff unlock the PC for maintenance for {@code length}. */
    void startMaintenance(Duration length) throws AgentUnavailableException;

    /** Maintenance is over; the agent ends the programs started during it. */
    void endMaintenance() throws AgentUnavailableException;

    /**
     * Starts a program as the visitor: for the running session, else for maintenance (staff token).
     * The agent counts the session's use of the tile's {@code category} (counts only).
     */
    void launch(List<String> argv, TileCategory category) throws AgentUnavailableException;

    /** Checks a member's card code and PIN. The PIN array is cleared by the caller after the call. */
    MemberLogin authenticateMember(String cardCode, char[] pin) throws AgentUnavailableException;

    /** Records a member's one-time declaration of age band and sex. */
    void declareDemographics(String cardCode, Demographics demographics) throws AgentUnavailableException;

    /**
     * Checks the staff PIN.
     *
     * @throws StaffLockedException when staff login is locked after repeated wrong PINs
     */
    boolean authenticateStaff(char[] pin) throws AgentUnavailableException;

    /**
     * Ends the staff login now (the staff panel relocked). Clients that hold no staff token
     * (the demo and offline ones) have nothing to end.
     */
    default void logoutStaff() throws AgentUnavailableException {}

    HealthReport health() throws AgentUnavailableException;

    List<MemberCard> memberCards() throws AgentUnavailableException;

    /** Creates a card with a new code and PIN chosen by the agent; the answer holds both once. */
    NewMemberCard createMemberCard() throws AgentUnavailableException;

    /** Sets a new PIN chosen by the agent and clears any lockout; returns the new PIN once. */
    String resetMemberPin(String cardCode) throws AgentUnavailableException;

    void disableMemberCard(String cardCode) throws AgentUnavailableException;

    /**
     * What the kiosk must show over everything just now (a staff message, the closing warning,
     * "reserved for", locked or closed, the help call's state, the grace offer) and the running
     * session's time left. Asked every 2 s on every screen.
     */
    Notices notices() throws AgentUnavailableException;

    /** The visitor pressed "OK" on the staff message {@code messageId}: it is not shown again. */
    void acknowledgeNotice(String messageId) throws AgentUnavailableException;

    /** The visitor (or someone at the lock screen) calls the mentor; returns the call's state. */
    HelpState callHelp() throws AgentUnavailableException;

    /**
     * The visitor takes the grace block the agent offered ({@link Notices#graceMinutes()}) for
     * the running session.
     *
     * @return the time left after it
     * @throws AgentRefusedException {@code not_allowed} when the club's rules do not allow it now
     */
    Duration takeGrace() throws AgentUnavailableException;

    /**
     * Staff at the PC let one new session start although people are waiting (the club page's
     * APPROVE_SESSION, at the PC). Presents the staff token.
     */
    void approveSession() throws AgentUnavailableException;

    @Override
    void close();
}
