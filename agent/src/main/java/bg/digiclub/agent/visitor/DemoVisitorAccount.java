package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;

/**
 * For the quick start and demos on a developer's machine ({@code visitor.demo = true}): the
 * developer's own programs and files must not be ended or deleted, yet the kiosk must be usable
 * session after session. Nothing is ended, reset or started, and every result says exactly that
 * in its detail ("demo: ..."), so it is never mistaken for a real reset in the ledger or logs.
 * Never on a club PC: there an unset {@code visitor.account} reports every reset as failed.
 */
public final class DemoVisitorAccount implements VisitorAccount {
    private static final Logger LOG = LoggerFactory.getLogger(DemoVisitorAccount.class);

    @Override
    public WipeStepResult endProcesses() {
        return new WipeStepResult(PROCESSES_STEP, true, "demo: no programs ended (visitor.demo)");
    }

    @Override
    public List<WipeStepResult> reset() {
        LOG.info("demo: the visitor's programs and home would be ended and reset now");
        return List.of(endProcesses(), new WipeStepResult(HOME_STEP, true, "demo: nothing deleted (visitor.demo)"));
    }

    @Override
    public void launch(List<String> argv, Map<String, String> displayEnv) throws IOException {
        LOG.info("demo: would start {} as the visitor", argv.get(0));
    }

    @Override
    public String toString() {
        return "demo visitor: nothing is ended, reset or started";
    }
}
