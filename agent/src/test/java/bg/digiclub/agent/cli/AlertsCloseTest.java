package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff close the "database" alert by hand once they have looked at the damaged file; nothing else. */
class AlertsCloseTest {
    @TempDir
    Path dataDir;

    private record Result(int exit, String output) {}

    private static Result agent(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                AgentMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Result(p.exitValue(), out);
    }

    @Test
    void theDatabaseAlertIsClosedByHandAndSampledOnesAreNot() throws Exception {
        Files.writeString(dataDir.resolve("agent.db"), "not a database at all ".repeat(300));
        Result closed = agent("alerts", "--close", "database", "--data-dir", dataDir.toString());
        assertEquals(0, closed.exit(), closed.output());
        assertTrue(
                closed.output().contains("closed:")
                        && closed.output().contains("CRIT")
                        && closed.output().contains("was damaged"),
                closed.output());

        Result list = agent("alerts", "--data-dir", dataDir.toString());
        assertTrue(list.output().contains("open: 0"), list.output());
        assertTrue(list.output().contains("database"), list.output());

        Result again = agent("alerts", "--close", "database", "--data-dir", dataDir.toString());
        assertTrue(again.output().contains("no open 'database' alert"), again.output());
        Result other = agent("alerts", "--close", "disk:/", "--data-dir", dataDir.toString());
        assertEquals(2, other.exit(), other.output());
    }
}
