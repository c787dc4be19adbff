package bg.digiclub.common.live;

import java.util.List;

import bg.digiclub.common.batch.Require;

/**
 * A club's settings for its PCs, set on the club page and kept by each agent (they hold offline).
 *
 * @param version            raised by the collector on every change; the agent keeps the highest
 * @param week               the opening hours; empty: no schedule (always open, nothing shut down)
 * @param shutdownAfterMinutes minutes after closing to shut the PCs down; null: never
 * @param wakeBeforeMinutes  minutes before opening to wake the club's PCs by Wake-on-LAN; null: never
 * @param queueEnabled       the walk-up queue is used at this club
 * @param reservationMinutes how long a PC that frees up is held for the next number (1..30)
 * @param graceMinutes       the block a visitor may take once on their own when time is up; 0: none
 */
public record ClubSettings(
        long version,
        List<OpeningHours> week,
        Integer shutdownAfterMinutes,
        Integer wakeBeforeMinutes,
        boolean queueEnabled,
        int reservationMinutes,
        int graceMinutes) {
    /** Closing warnings, minutes before closing. */
    public static final List<Integer> CLOSING_WARNINGS = List.of(10, 5);

    /** What a PC uses before it ever heard from its club. */
    public static final ClubSettings DEFAULTS = new ClubSettings(0, List.of(), null, null, false, 5, 15);

    public ClubSettings {
        Require.range(version, 0, Long.MAX_VALUE, "version");
        week = Require.list(week, 7 * 4, "week");
        if (shutdownAfterMinutes != null) {
            Require.range(shutdownAfterMinutes, 0, 12 * 60, "shutdownAfterMinutes");
        }
        if (wakeBeforeMinutes != null) {
            Require.range(wakeBeforeMinutes, 0, 12 * 60, "wakeBeforeMinutes");
        }
        Require.range(reservationMinutes, 1, 30, "reservationMinutes");
        Require.range(graceMinutes, 0, 120, "graceMinutes");
    }
}
