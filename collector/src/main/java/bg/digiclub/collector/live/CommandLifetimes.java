package bg.digiclub.collector.live;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import bg.digiclub.common.live.CommandKind;

/**
 * How long a command stays meaningful after staff issued it (docs/live.md). A PC that is off gets
 * a command when it comes back only before then: a message to an empty room, an extension of a
 * session long over, or a restart asked for yesterday would surprise whoever sits there now. A
 * lock is the exception: it is what staff want whenever the PC comes back, within a day.
 */
public final class CommandLifetimes {
    private static final Map<CommandKind, Duration> LIFETIMES = new EnumMap<>(CommandKind.class);

    static {
        for (CommandKind kind : CommandKind.values()) {
            LIFETIMES.put(kind, Duration.ofMinutes(10));
        }
        LIFETIMES.put(CommandKind.EXTEND, Duration.ofMinutes(5));
        LIFETIMES.put(CommandKind.END_SESSION, Duration.ofMinutes(5));
        LIFETIMES.put(CommandKind.LOCK, Duration.ofHours(24));
        LIFETIMES.put(CommandKind.UNLOCK, Duration.ofHours(24));
    }

    private CommandLifetimes() {}

    /** How long a command of this kind may wait for its PC. */
    public static Duration of(CommandKind kind) {
        return LIFETIMES.get(kind);
    }
}
