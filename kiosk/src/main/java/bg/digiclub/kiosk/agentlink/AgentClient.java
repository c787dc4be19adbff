package bg.digiclub.kiosk.agentlink;

import java.util.List;
import java.util.Optional;

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;

/**
 * What the kiosk asks of the agent. The agent owns all data; the kiosk keeps none.
 *
 * <p>Session events ({@link #sessionStarted}, {@link #heartbeat}, {@link #sessionEnded}) never
 * fail: when the agent is unreachable the implementation spools them and delivers them, in
 * order and once, when the agent is back. Everything else throws
 * {@link AgentUnavailableException} when the agent cannot be reached, so the UI can say why.
 */
public interface AgentClient extends AutoCloseable {

    void sessionStarted(SessionStart start);

    void heartbeat(SessionHeartbeat heartbeat);

    void sessionEnded(SessionEnd end);

    /**
     * The session the agent still holds open from before this kiosk started (the kiosk died),
     * if any; the kiosk then ends it as INTERRUPTED and wipes.
     */
    Optional<String> openSessionId() throws AgentUnavailableException;

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
    default void logoutStaff() throws AgentUnavailableException {
    }

    HealthReport health() throws AgentUnavailableException;

    List<MemberCard> memberCards() throws AgentUnavailableException;

    /** Creates a card with a new code and PIN chosen by the agent; the answer holds both once. */
    NewMemberCard createMemberCard() throws AgentUnavailableException;

    /** Sets a new PIN chosen by the agent and clears any lockout; returns the new PIN once. */
    String resetMemberPin(String cardCode) throws AgentUnavailableException;

    void disableMemberCard(String cardCode) throws AgentUnavailableException;

    @Override
    void close();
}
