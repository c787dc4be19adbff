package bg.digiclub.agent.live;

import java.util.Objects;
import java.util.UUID;

/**
 * A command frame this agent cannot read, though it names its id: a kind or a field of a newer
 * collector. It is answered REFUSED and the connection stays up: closing it would only bring the
 * same command back on the next connection, again and again until it expired.
 */
final class UnreadableCommand extends BadFrame {
    private static final long serialVersionUID = 1L;

    private final UUID commandId;

    UnreadableCommand(UUID commandId, String reason) {
        super(reason);
        this.commandId = Objects.requireNonNull(commandId, "commandId");
    }

    UUID commandId() {
        return commandId;
    }
}
