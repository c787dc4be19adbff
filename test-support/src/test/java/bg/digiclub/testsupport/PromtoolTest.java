package bg.digiclub.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PromtoolTest {
    @Test
    void aCheckThatDoesNotFinishInTimeIsStoppedAndSaysSo() {
        // sleep keeps its output open as long as it runs: a reader of that output would wait 60 s and then see exit 0
        IllegalStateException stopped = assertThrows(
                IllegalStateException.class, () -> Promtool.run(List.of("sleep", "60"), "", Duration.ZERO));

        assertEquals("sleep did not finish", stopped.getMessage());
    }

    @Test
    void whatTheCheckPrintsOnBothStreamsIsTheVerdictsOutput() throws Exception {
        Promtool.Verdict verdict =
                Promtool.run(List.of("sh", "-c", "cat; echo lint >&2; exit 3"), "text\n", Duration.ofMinutes(1));

        assertEquals(new Promtool.Verdict(3, "text\nlint\n"), verdict);
    }
}
