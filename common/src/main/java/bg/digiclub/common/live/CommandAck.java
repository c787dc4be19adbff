package bg.digiclub.common.live;

import java.util.UUID;

import bg.digiclub.common.batch.Require;

/**
 * The agent's answer to a {@link Command}: sent once it acted, and again, the same, whenever the
 * same command arrives again (the first answer was lost on the way).
 *
 * @param detail what happened, for staff: short, no names, no codes (e.g. "extended to 42 minutes left")
 */
public record CommandAck(UUID commandId, CommandOutcome outcome, String detail) implements LiveMessage {
    public CommandAck {
        Require.present(commandId, "commandId");
        Require.present(outcome, "outcome");
        Require.matches(detail, Command.SHORT_TEXT, "detail");
    }
}
