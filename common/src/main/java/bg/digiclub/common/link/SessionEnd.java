package bg.digiclub.common.link;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The kiosk tells the agent a session has ended, why, and how the privacy wipe went. */
public record SessionEnd(String sessionId, Instant endedAt, EndReason reason, List<WipeStepResult> wipe) {
    public SessionEnd {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(reason, "reason");
        wipe = List.copyOf(wipe);
    }

    /** True if every wipe step succeeded. */
    public boolean wipeSucceeded() {
        return wipe.stream().allMatch(WipeStepResult::ok);
    }
}
