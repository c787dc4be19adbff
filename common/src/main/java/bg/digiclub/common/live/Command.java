package bg.digiclub.common.live;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import bg.digiclub.common.batch.Require;

/**
 * A command from staff to one PC. The id makes it idempotent: the agent records each id before it
 * acts and never acts on an id twice; a repeat is answered with the first answer. The collector
 * sends a command only before {@code expiresAt} (by its clock) and repeats it on every reconnect
 * until the agent's {@link CommandAck} arrives.
 *
 * @param minutes        for EXTEND, MAINTENANCE_START, ALLOW_GRACE (1..{@value #MAX_MINUTES}); else null
 * @param text           for MESSAGE (1..{@value #MAX_TEXT} characters); else null
 * @param sessionStarted for EXTEND and END_SESSION: the session they are for (from {@link PcState}); else null
 * @param target         for WAKE: the device id of the PC to wake; else null
 */
public record Command(
        UUID id,
        CommandKind kind,
        Instant issuedAt,
        Instant expiresAt,
        Integer minutes,
        String text,
        Instant sessionStarted,
        UUID target)
        implements LiveMessage {
    public static final int MAX_MINUTES = 8 * 60;
    public static final int MAX_TEXT = 500;
    public static final int MAX_TICKET = 999;
    /** Versions and short details: printable, no line breaks, at most 200 characters. */
    public static final Pattern SHORT_TEXT = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}]{1,200}");

    public Command {
        Require.present(id, "id");
        Require.present(kind, "kind");
        Require.present(issuedAt, "issuedAt");
        Require.present(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
        boolean needsMinutes =
                kind == CommandKind.EXTEND || kind == CommandKind.MAINTENANCE_START || kind == CommandKind.ALLOW_GRACE;
        if (needsMinutes != (minutes != null)) {
            throw new IllegalArgumentException(kind + (needsMinutes ? " needs minutes" : " takes no minutes"));
        }
        if (minutes != null) {
            Require.range(minutes, 1, MAX_MINUTES, "minutes");
        }
        if ((kind == CommandKind.MESSAGE) != (text != null)) {
            throw new IllegalArgumentException(kind + (kind == CommandKind.MESSAGE ? " needs text" : " takes no text"));
        }
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("text must have 1 to " + MAX_TEXT + " characters");
        }
        boolean forSession = kind == CommandKind.EXTEND || kind == CommandKind.END_SESSION;
        if (forSession != (sessionStarted != null)) {
            throw new IllegalArgumentException(
                    kind + (forSession ? " needs sessionStarted" : " takes no sessionStarted"));
        }
        if ((kind == CommandKind.WAKE) != (target != null)) {
            throw new IllegalArgumentException(
                    kind + (kind == CommandKind.WAKE ? " needs target" : " takes no target"));
        }
    }
}
