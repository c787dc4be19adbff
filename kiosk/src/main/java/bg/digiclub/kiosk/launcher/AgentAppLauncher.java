package bg.digiclub.kiosk.launcher;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;

/**
 * Starts the club's allowed apps through the agent, which runs them as the visitor's account
 * (argv, no shell): the kiosk's own account never runs a visitor program, so a visitor program
 * can neither signal the kiosk nor reach the agent's socket. The agent ends them all with the
 * session, by account.
 */
public final class AgentAppLauncher implements AppLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(AgentAppLauncher.class);

    private final Map<String, AllowedApp> byId = new LinkedHashMap<>();
    private final AgentClient agent;

    public AgentAppLauncher(List<AllowedApp> apps, AgentClient agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
        for (AllowedApp app : apps) {
            if (byId.put(app.id(), app) != null) {
                throw new IllegalArgumentException("app id '" + app.id() + "' appears twice");
            }
        }
    }

    @Override
    public List<AllowedApp> apps() {
        return List.copyOf(byId.values());
    }

    @Override
    public void launch(AllowedApp app) throws IOException {
        Objects.requireNonNull(app, "app");
        AllowedApp allowed = byId.get(app.id());
        if (!app.equals(allowed)) {
            // Only the configured command runs, never one a caller put together.
            throw new IllegalArgumentException("'" + app.id() + "' is not an allowed app as configured");
        }
        try {
            agent.launch(allowed.command(), allowed.category());
        } catch (AgentUnavailableException e) {
            LOG.warn(
                    "Cannot start app {} ({}): {}",
                    allowed.id(),
                    allowed.command().get(0),
                    e.getMessage());
            throw new IOException("Cannot start " + allowed.nameBg() + " (" + allowed.id() + "): " + e.getMessage(), e);
        }
        LOG.info("Started app {} through the agent", allowed.id());
    }
}
