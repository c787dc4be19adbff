package bg.digiclub.common.link.wire;

import java.util.List;

import bg.digiclub.common.link.WipeStepResult;

/**
 * The agent's answer to {@code session.end}: each step of ending the visitor's programs and
 * resetting the visitor's home. The kiosk shows the PC as out of order if one failed.
 */
public record SessionEnded(List<WipeStepResult> wipe) {
    public SessionEnded {
        wipe = List.copyOf(wipe);
    }

    /** True if every step succeeded (and there was at least one). */
    public boolean resetSucceeded() {
        return !wipe.isEmpty() && wipe.stream().allMatch(WipeStepResult::ok);
    }
}
