package bg.digiclub.collector.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bg.digiclub.collector.live.CommandState;
import bg.digiclub.collector.live.CommandView;
import bg.digiclub.collector.live.PcTile;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.common.live.CommandKind;

/**
 * The live console's words in one language: what a PC is doing, what a command asks and where it
 * is, written the same way on the room view (its JSON), the commands list and the audit log.
 * A mentor reads them, not an engineer: "busy · guest · 42 min left", not "IN_SESSION".
 */
public final class LiveText {
    /** The mode key of a PC the collector holds no live connection of. */
    static final String OFF = "OFF";

    /** A command in the audit log: its kind, then " N min" or ": text". */
    private static final Pattern LOGGED_COMMAND =
            Pattern.compile("([A-Z_]+)(?: ([0-9]+) min)?(?:: (.*))?", Pattern.DOTALL);
    /** The queue's and the settings' lines in the audit log. */
    private static final Pattern LOGGED_OTHER = Pattern.compile("(QUEUE_ADD|QUEUE_REMOVE|SETTINGS) (?:№|v)([0-9]+)");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PageText t;
    private final ZoneId zone;

    public LiveText(PageText t, ZoneId zone) {
        this.t = Objects.requireNonNull(t, "t");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public PageText page() {
        return t;
    }

    /** The tile's mode as the page's CSS and script know it: a PcMode name, or {@value #OFF}. */
    public static String mode(PcTile tile) {
        return !tile.online() || tile.mode() == null ? OFF : tile.mode().name();
    }

    /** "Free", "Busy", "Off", ... */
    public String state(PcTile tile) {
        return t.get("live.mode." + mode(tile));
    }

    /** The second line of a tile: who sits there and how long they have; null when nobody does. */
    public String detail(PcTile tile) {
        if (!OFF.equals(mode(tile)) && tile.visitor() != null && tile.minutesLeft() != null) {
            return t.get(
                    "live.session",
                    t.get("live.visitor." + tile.visitor().name()),
                    Integer.toString(tile.minutesLeft()));
        }
        if (OFF.equals(mode(tile)) && tile.stateAt() != null) {
            return t.get("live.lastSeen", time(tile.stateAt()));
        }
        return null;
    }

    /** The PC's health in a word ("working", "attention", "problem"), for one PC. */
    public String health(PcTile tile) {
        return t.get("live.health." + HealthLight.of(tile.health()).name());
    }

    /** "Calls for help since 09:31", or null. */
    public String help(PcTile tile) {
        return tile.helpCalledAt() == null ? null : t.get("live.help", time(tile.helpCalledAt()));
    }

    /** "Kept for №7", or null. */
    public String reserved(PcTile tile) {
        return tile.reservedFor() == null ? null : t.get("live.reserved", Integer.toString(tile.reservedFor()));
    }

    /** What a command asks, with its minutes or text: "Extend by 15 min", "Message: “Closing soon”". */
    public String what(CommandKind kind, Integer minutes, String text) {
        String key = "live.command." + kind.name();
        if (minutes != null) {
            return t.get(key, Integer.toString(minutes));
        }
        return text != null ? t.get(key, text) : t.get(key);
    }

    public String what(CommandView command) {
        return what(command.kind(), command.minutes(), command.text());
    }

    /**
     * An audit log line's action in words. The log holds it as the console wrote it ("EXTEND 15
     * min", "MESSAGE: text", "QUEUE_ADD №7", "SETTINGS v3"); a shape not known here is shown as it is.
     */
    public String action(String action) {
        Matcher command = LOGGED_COMMAND.matcher(action);
        if (command.matches() && isKind(command.group(1))) {
            Integer minutes = command.group(2) == null ? null : Integer.valueOf(command.group(2));
            return what(CommandKind.valueOf(command.group(1)), minutes, command.group(3));
        }
        Matcher other = LOGGED_OTHER.matcher(action);
        if (other.matches()) {
            return t.get("live.log." + other.group(1), other.group(2));
        }
        return action;
    }

    private static boolean isKind(String name) {
        for (CommandKind kind : CommandKind.values()) {
            if (kind.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A command's kind in a word or two, for the action list: "Extend the session". */
    public String kind(CommandKind kind) {
        return t.get("live.kind." + kind.name());
    }

    public String state(CommandState state) {
        return t.get("live.state." + state.name());
    }

    /** "PC 3" */
    public String pc(int number) {
        return t.get("device.name", Integer.toString(number));
    }

    /** A time of today as the club reads it, "09:31"; "—" for none. */
    public String time(Instant instant) {
        return instant == null ? "—" : CLOCK.format(instant.atZone(zone));
    }

    /** The time to the second, "09:31:05": when the room view's data was read. */
    public String timeToTheSecond(Instant instant) {
        return CLOCK_SECONDS.format(instant.atZone(zone));
    }

    /** A date and time, for the log. */
    public String dateTime(Instant instant) {
        return PageText.time(instant, zone);
    }
}
