package bg.digiclub.common.config;

import java.util.List;

/**
 * Every configuration key that was ever renamed, per file: the one table that
 * {@link ConfigProperties} reads old files with and that {@code docs/operations.md} lists.
 *
 * <p>The key style every file follows: lowercase; dots between sections; hyphens inside a name;
 * a quantity's unit as the name's last word ({@code idle.timeout-minutes}, not
 * {@code idle.timeout.minutes}). A key that does not follow it gets a new name here, never a
 * second reader.
 */
public final class RenamedKeys {
    /** The agent's {@code agent.properties}: every key already follows the style. */
    public static final List<RenamedKey> AGENT = List.of();

    /** The kiosk's {@code kiosk.properties}: renamed in version 0.1 (a unit was its own section). */
    public static final List<RenamedKey> KIOSK = List.of(
            new RenamedKey("session.minutes", "session.length-minutes"),
            new RenamedKey("idle.timeout.minutes", "idle.timeout-minutes"),
            new RenamedKey("idle.grace.seconds", "idle.grace-seconds"),
            new RenamedKey("warning.minutes", "warning.remaining-minutes"),
            new RenamedKey("staff.extend.minutes", "staff.extend-minutes"),
            new RenamedKey("maintenance.minutes", "maintenance.length-minutes"));

    /** The collector's {@code collector.properties}: new in this version, nothing renamed yet. */
    public static final List<RenamedKey> COLLECTOR = List.of();

    private RenamedKeys() {}
}
