package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import bg.digiclub.common.link.WipeStepResult;

/** Placeholder until the Linux visitor account lands: resets nothing and says so. */
public final class NoVisitorAccount implements VisitorAccount {
    @Override
    public WipeStepResult endProcesses() {
        return new WipeStepResult("end-programs", false, "no visitor account configured");
    }

    @Override
    public List<WipeStepResult> reset() {
        return List.of(endProcesses(), new WipeStepResult("reset-home", false, "no visitor account configured"));
    }

    @Override
    public void launch(List<String> argv, Map<String, String> displayEnv) throws IOException {
        throw new IOException("no visitor account configured: programs cannot be started");
    }
}
