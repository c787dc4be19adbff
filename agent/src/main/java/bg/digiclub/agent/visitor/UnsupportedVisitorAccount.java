package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.common.link.WipeStepResult;

/**
 * For a PC without a visitor account (development, the demo, another OS): nothing is ended or
 * reset, and every result says so as a failure — a PC like this must never look wiped.
 */
public final class UnsupportedVisitorAccount implements VisitorAccount {
    private final String why;

    /** @param why shown in every result, e.g. "no visitor account configured (visitor.account in /etc/digiclub/agent.properties)" */
    public UnsupportedVisitorAccount(String why) {
        this.why = Objects.requireNonNull(why, "why");
    }

    @Override
    public WipeStepResult endProcesses() {
        return new WipeStepResult(PROCESSES_STEP, false, why + "; no programs ended");
    }

    @Override
    public List<WipeStepResult> reset() {
        return List.of(endProcesses(), new WipeStepResult(HOME_STEP, false, why + "; nothing of the visitor deleted"));
    }

    @Override
    public void launch(List<String> argv, Map<String, String> displayEnv) throws IOException {
        throw new IOException(why + "; not starting " + (argv.isEmpty() ? "anything" : argv.get(0)));
    }

    @Override
    public String toString() {
        return "no visitor account: " + why;
    }
}
