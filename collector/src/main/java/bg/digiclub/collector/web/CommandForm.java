package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import bg.digiclub.collector.live.CommandRequest;
import bg.digiclub.collector.live.PcTile;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;

/**
 * The command form of the room view ({@code POST /clubs/{id}/commands}, docs/collector.md):
 * fields {@code pc} (a device id, or {@code all}), {@code kind} (a CommandKind name),
 * {@code minutes} (for EXTEND, MAINTENANCE_START, ALLOW_GRACE), {@code text} (for MESSAGE) and
 * {@code session} (for EXTEND and END_SESSION: the session the tile showed; without it, the one
 * the PC runs now). A wrong form is refused with a sentence for the mentor, in the page's language.
 *
 * @param device null: every PC of the club
 */
record CommandForm(UUID device, CommandKind kind, Integer minutes, String text, Instant session) {
    static final String ALL = "all";

    /** One command to store: for one PC, or (device null) for every PC of the club. */
    record Order(UUID device, CommandRequest request) {}

    static CommandForm parse(PageText t, Function<String, String> field) {
        CommandKind kind = kind(t, field.apply("kind"));
        String pc = blankToNull(field.apply("pc"));
        UUID device;
        if (pc == null || ALL.equals(pc)) {
            device = null;
        } else {
            try {
                device = UUID.fromString(pc);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(t.get("live.error.pc"), e);
            }
        }
        Integer minutes = null;
        if (kind == CommandKind.EXTEND || kind == CommandKind.MAINTENANCE_START || kind == CommandKind.ALLOW_GRACE) {
            minutes = minutes(t, field.apply("minutes"));
        }
        String text = null;
        if (kind == CommandKind.MESSAGE) {
            text = blankToNull(field.apply("text"));
            if (text == null || text.length() > Command.MAX_TEXT) {
                throw new IllegalArgumentException(t.get("live.error.text", Integer.toString(Command.MAX_TEXT)));
            }
        }
        Instant session = null;
        String sessionField = blankToNull(field.apply("session"));
        if (sessionField != null && forSession(kind)) {
            try {
                session = Instant.parse(sessionField);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(t.get("live.error.session"), e);
            }
        }
        return new CommandForm(device, kind, minutes, text, session);
    }

    /** The club's room as it is now, read only when a form needs it. */
    @FunctionalInterface
    interface Room {
        List<PcTile> tiles() throws SQLException;
    }

    /**
     * The commands to store: for one PC as asked (the console refuses a PC not of the club); an
     * extend or end for every PC is one per PC in a session (each names its own), an answer to
     * help one per PC that calls. The room is read only for these and for an extend or end of one
     * PC without the session its tile showed, so that a plain command costs no read of the room.
     */
    List<Order> orders(PageText t, Room room) throws SQLException {
        Objects.requireNonNull(room, "room");
        if (device != null && (!forSession(kind) || session != null)) {
            return List.of(new Order(device, request(session)));
        }
        if (device != null) {
            PcTile tile = room.tiles().stream()
                    .filter(pc -> pc.deviceId().equals(device))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(t.get("live.error.pc")));
            if (tile.sessionStarted() == null) {
                throw new IllegalArgumentException(t.get("live.error.noSession", Integer.toString(tile.pcNumber())));
            }
            return List.of(new Order(device, request(tile.sessionStarted())));
        }
        if (!forSession(kind) && kind != CommandKind.ANSWER_HELP) {
            return List.of(new Order(null, request(null)));
        }
        List<Order> orders = new ArrayList<>();
        for (PcTile tile : room.tiles()) {
            if (!tile.online()) {
                continue;
            }
            if (forSession(kind) && tile.sessionStarted() != null) {
                orders.add(new Order(tile.deviceId(), request(tile.sessionStarted())));
            } else if (kind == CommandKind.ANSWER_HELP && tile.helpCalledAt() != null) {
                orders.add(new Order(tile.deviceId(), request(null)));
            }
        }
        if (orders.isEmpty()) {
            throw new IllegalArgumentException(t.get(forSession(kind) ? "live.error.noSessions" : "live.error.noHelp"));
        }
        return orders;
    }

    private CommandRequest request(Instant sessionStarted) {
        return new CommandRequest(kind, minutes, text, sessionStarted, null);
    }

    private static boolean forSession(CommandKind kind) {
        return kind == CommandKind.EXTEND || kind == CommandKind.END_SESSION;
    }

    private static CommandKind kind(PageText t, String value) {
        if (value != null) {
            for (CommandKind kind : CommandKind.values()) {
                // WAKE is one PC waking another before opening hours: not a mentor's button
                if (kind != CommandKind.WAKE && kind.name().equals(value.strip())) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException(t.get("live.error.kind"));
    }

    private static Integer minutes(PageText t, String value) {
        try {
            int minutes = Integer.parseInt(String.valueOf(value).strip());
            if (minutes >= 1 && minutes <= Command.MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is wanted
        }
        throw new IllegalArgumentException(t.get("live.error.minutes", Integer.toString(Command.MAX_MINUTES)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
