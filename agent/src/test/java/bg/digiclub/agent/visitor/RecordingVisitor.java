package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import bg.digiclub.common.link.WipeStepResult;

/** A visitor account that records what the agent did to it; its reset can be made to fail. */
public final class RecordingVisitor implements VisitorAccount {
    public final List<String> calls = new ArrayList<>();
    public boolean resetFails;

    @Override
    public WipeStepResult endProcesses() {
        calls.add("end-programs");
        return new WipeStepResult("end-programs", true, "none left");
    }

    @Override
    public List<WipeStepResult> reset() {
        calls.add("reset");
        return List.of(
                new WipeStepResult("end-programs", true, "none left"),
                new WipeStepResult("reset-home", !resetFails, resetFails ? "home is busy" : "home from template"));
    }

    @Override
    public void launch(List<String> argv, Map<String, String> displayEnv) throws IOException {
        calls.add("launch " + String.join(" ", argv) + " " + displayEnv);
    }
}
