package bg.digiclub.systemtest.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import bg.digiclub.agent.visitor.VisitorAccount;
import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's account of a simulated club PC: these tests simulate months of sessions on the
 * test runner's own account, where ending every process of an account or resetting a home would
 * hit the runner itself. The real account is exercised by the agent's visitor tests and the
 * attack suite; here the reset succeeds, and a program the kiosk launches counts as started
 * (so the agent records the tile's category) while nothing runs.
 */
final class StandInVisitor implements VisitorAccount {
    @Override
    public WipeStepResult endProcesses() {
        return new WipeStepResult("end-programs", true, "simulated: nothing was running");
    }

    @Override
    public List<WipeStepResult> reset() {
        return List.of(endProcesses(), new WipeStepResult("reset-home", true, "simulated"));
    }

    @Override
    public void launch(List<String> argv, Map<String, String> displayEnv) throws IOException {
        // simulated: started, as far as the agent can tell
    }
}
