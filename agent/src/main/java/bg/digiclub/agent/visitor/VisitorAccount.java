package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's account on this PC: ends its programs, resets its home, starts programs as it.
 * Picked once by {@link VisitorAccounts#forThisPc}; thread-safe.
 */
public interface VisitorAccount {
    /** Step name of {@link #endProcesses()}'s result. */
    String PROCESSES_STEP = "visitor-processes";
    /** Step name of the home reset in {@link #reset()}. */
    String HOME_STEP = "visitor-home";

    /** Ends every process of the visitor account (kill -KILL -1 as that uid, looped until none). */
    WipeStepResult endProcesses();

    /** endProcesses, then resets the visitor's home; one result per step, never throws. */
    List<WipeStepResult> reset();

    /** Starts argv as the visitor (its home as cwd, a clean environment plus the given display vars). */
    void launch(List<String> argv, Map<String, String> displayEnv) throws IOException;
}
