package bg.digiclub.collector.live;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import bg.digiclub.common.live.CommandKind;

/**
 * What staff asked for on the club page, before it has an id and an expiry per PC. Fields as in
 * {@code common.live.Command}; {@code sessionStarted} is the one the tile showed.
 */
public record CommandRequest(CommandKind kind, Integer minutes, String text, Instant sessionStarted, UUID target) {
    public CommandRequest {
        Objects.requireNonNull(kind, "kind");
    }
}
