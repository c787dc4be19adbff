package bg.digiclub.agent.live;

import java.time.Instant;
import java.util.UUID;

import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;

/** Commands as the collector issues them, each with a new id, for the live channel's tests. */
final class TestCommands {
    private TestCommands() {}

    /** A {@code kind} command issued at {@code issued} with the fields its kind needs. */
    static Command of(CommandKind kind, Instant issued) {
        return switch (kind) {
            case MESSAGE ->
                new Command(
                        UUID.randomUUID(),
                        kind,
                        issued,
                        issued.plusSeconds(600),
                        null,
                        "Затваряме в 19:00",
                        null,
                        null);
            case EXTEND ->
                new Command(
                        UUID.randomUUID(),
                        kind,
                        issued,
                        issued.plusSeconds(300),
                        15,
                        null,
                        TestPcConsole.AT.plusSeconds(13),
                        null);
            default -> new Command(UUID.randomUUID(), kind, issued, issued.plusSeconds(600), null, null, null, null);
        };
    }
}
