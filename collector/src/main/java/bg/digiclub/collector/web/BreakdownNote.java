package bg.digiclub.collector.web;

import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.report.programme.DashboardBreakdowns;

/**
 * Why the dashboard gives no breakdowns of a period, in the page's language: the club page shows it
 * where the tables would be, and {@code /export.csv} in its {@code breakdowns_note} column, so that
 * empty columns are never a puzzle.
 *
 * @param id   the note's element id on the club page
 * @param text the explanation
 */
public record BreakdownNote(String id, String text) {
    public BreakdownNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    /** The note for an answer; empty when the breakdowns are shown. */
    static Optional<BreakdownNote> of(PageText t, DashboardBreakdowns.Answer answer) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(answer, "answer");
        if (answer instanceof DashboardBreakdowns.NotSettled settling) {
            return Optional.of(new BreakdownNote(
                    "breakdowns-settling",
                    t.get("club.breakdowns.settling", settling.shownFrom().toString())));
        }
        if (answer instanceof DashboardBreakdowns.NotWholeMonths) {
            return Optional.of(new BreakdownNote("whole-months-only", t.get("club.breakdowns.wholeMonths")));
        }
        return Optional.empty();
    }
}
