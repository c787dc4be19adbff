package bg.digiclub.agent.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.HealthStatus;

/** Assertions on {@link Evaluation}s shared by the check tests. */
final class EvaluationAsserts {

    private EvaluationAsserts() {}

    static StatusChange only(List<StatusChange> changes, String check) {
        List<StatusChange> of =
                changes.stream().filter(c -> c.check().equals(check)).toList();
        assertEquals(1, of.size(), () -> "one change of " + check + " expected in " + changes);
        return of.get(0);
    }

    static void assertNoChangeOf(List<StatusChange> changes, String check) {
        assertTrue(
                changes.stream().noneMatch(c -> c.check().equals(check)),
                () -> "no change of " + check + " expected in " + changes);
    }

    static HealthStatus statusOf(Evaluation e, String check) {
        return e.check(check)
                .orElseThrow(() -> new AssertionError("no check " + check + " in " + e.report()))
                .status();
    }
}
