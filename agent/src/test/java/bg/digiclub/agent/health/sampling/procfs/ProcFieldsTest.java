package bg.digiclub.agent.health.sampling.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ProcFieldsTest {
    @Test
    void splitsOnRunsOfBlanks() {
        assertArrayEquals(new String[] {"8", "0", "sda", "1234"}, ProcFields.of("   8       0 sda\t 1234\n"));
    }

    @Test
    void aBlankLineHasNoFields() {
        assertArrayEquals(new String[0], ProcFields.of(" \t "));
        assertArrayEquals(new String[0], ProcFields.of(""));
    }

    @Test
    void keepsEverythingThatIsNotBlank() {
        assertArrayEquals(new String[] {"eth0:", "1,2", "(x)"}, ProcFields.of("eth0: 1,2 (x)"));
    }
}
