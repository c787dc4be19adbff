package bg.digiclub.kiosk;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.config.KioskConfig;

/**
 * The agent client used until the socket client is wired into {@link KioskMain}: the agent is
 * never reachable. Guests can still use the PC; member login and the staff panel say why not.
 * Session events are only logged (the socket client spools them).
 */
final class OfflineAgentClient implements AgentClient {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineAgentClient.class);

    private final String socket;

    OfflineAgentClient(KioskConfig config) {
        this.socket = config.agentSocket().toString();
    }

    @Override
    public void sessionStarted(SessionStart start) {
        LOG.warn("no agent link: session {} start not delivered", start.sessionId());
    }

    @Override
    public void heartbeat(SessionHeartbeat heartbeat) {
        LOG.debug("no agent link: heartbeat not delivered");
    }

    @Override
    public void sessionEnded(SessionEnd end) {
        LOG.warn("no agent link: session {} end ({}) not delivered", end.sessionId(), end.reason());
    }

    @Override
    public Optional<String> openSessionId() throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public MemberLogin authenticateMember(String cardCode, char[] pin) throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public void declareDemographics(String cardCode, Demographics demographics) throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public boolean authenticateStaff(char[] pin) throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public HealthReport health() throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public List<MemberCard> memberCards() throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public NewMemberCard createMemberCard() throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public String resetMemberPin(String cardCode) throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public void disableMemberCard(String cardCode) throws AgentUnavailableException {
        throw unavailable();
    }

    @Override
    public void close() {
        // nothing held
    }

    private AgentUnavailableException unavailable() {
        return new AgentUnavailableException("no agent client wired (agent socket " + socket + ")", null);
    }
}
