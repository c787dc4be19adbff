package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.WipeStepResult;

class VisitorUnsupportedAccountTest {
    private final UnsupportedVisitorAccount none =
            new UnsupportedVisitorAccount("no visitor account configured (visitor.account in x.properties)");

    @Test
    void resetReportsEveryStepAsFailedNeverASilentOk() {
        List<WipeStepResult> results = none.reset();

        assertEquals(
                List.of(VisitorAccount.PROCESSES_STEP, VisitorAccount.HOME_STEP),
                results.stream().map(WipeStepResult::step).toList());
        assertTrue(results.stream().noneMatch(WipeStepResult::ok));
        assertTrue(
                results.get(1).detail().startsWith("no visitor account configured (visitor.account in x.properties)"),
                results.get(1).detail());
        assertFalse(none.endProcesses().ok());
    }

    @Test
    void launchSaysWhyItStartsNothing() {
        IOException e = assertThrows(IOException.class, () -> none.launch(List.of("firefox"), Map.of()));

        assertTrue(e.getMessage().contains("no visitor account configured"), e.getMessage());
    }
}
