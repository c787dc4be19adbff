package bg.digiclub.common.link;

import java.util.Objects;

/** The outcome of one privacy-wipe step, e.g. {@code downloads}: ok, or why not. */
public record WipeStepResult(String step, boolean ok, String detail) {
    public WipeStepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(detail, "detail");
    }
}
