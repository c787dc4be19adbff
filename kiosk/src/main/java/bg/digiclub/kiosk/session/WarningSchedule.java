package bg.digiclub.kiosk.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which time-left warnings are still due in this session. Each threshold fires once; one that
 * the session starts below (a member with 8 minutes left) never fires; after an extension the
 * thresholds above the new remaining time are due again.
 */
final class WarningSchedule {
    private final List<Duration> thresholds;
    private final TreeSet<Duration> due = new TreeSet<>();

    WarningSchedule(List<Duration> thresholds, Duration startRemaining) {
        this.thresholds = new ArrayList<>(thresholds);
        this.thresholds.sort(Comparator.reverseOrder());
        rearm(startRemaining);
    }

    /** The warning to show now, if the remaining time crossed a due threshold. */
    Optional<Duration> check(Duration remaining) {
        Duration crossed = null;
        for (Duration threshold : List.copyOf(due)) {
            if (remaining.compareTo(threshold) <= 0) {
                due.remove(threshold);
                // when several are crossed at once (a long pause), show only the most urgent
                if (crossed == null || threshold.compareTo(crossed) < 0) {
                    crossed = threshold;
                }
            }
        }
        return Optional.ofNullable(crossed);
    }

    /** After an extension: every threshold below the remaining time is due again. */
    void rearm(Duration remaining) {
        due.clear();
        for (Duration threshold : thresholds) {
            if (threshold.compareTo(remaining) < 0) {
                due.add(threshold);
            }
        }
    }
}
