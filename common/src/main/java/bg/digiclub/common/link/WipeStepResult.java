package bg.digiclub.common.link;

import java.util.Objects;

/**
 * The outcome of one step of the agent's reset of the visitor at the end of a session, e.g.
 * {@code visitor-processes} or {@code visitor-home}: ok, or why not.
 */
public record WipeStepResult(String step, boolean ok, String detail) {
    public WipeStepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(detail, "detail");
    }
}
