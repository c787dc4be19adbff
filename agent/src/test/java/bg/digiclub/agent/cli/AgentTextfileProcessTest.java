package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.metrics.AgentTextfile;
import bg.digiclub.testsupport.PrivacyScan;
import bg.digiclub.testsupport.Promtool;

/**
 * {@code agent run} with {@code metrics.textfile-dir}: the real agent, sampling this machine, writes
 * a file node_exporter reads — Prometheus' own parser takes it without a complaint, and it names
 * neither the machine nor its accounts.
 */
class AgentTextfileProcessTest {
    @TempDir
    Path dir;

    private final AgentProcesses agents = new AgentProcesses();

    @AfterEach
    void stopAll() {
        agents.stopAll();
    }

    @Test
    void theRunningAgentWritesATextfilePromtoolReadsAndThatNamesNoOne() throws Exception {
        // the agent's data directory is private to its account, or it refuses to start
        Path data = Files.createDirectory(
                dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path textfiles = Files.createDirectory(dir.resolve("node-exporter"));
        Path config = Files.writeString(
                dir.resolve("agent.properties"),
                "data-dir = " + data + "\nmetrics.textfile-dir = " + textfiles + "\n",
                StandardCharsets.UTF_8);
        Process runner = agents.start("run", "--config", config.toString(), "--interval", "1");
        Path prom = textfiles.resolve(AgentTextfile.FILE_NAME);
        new StatusRounds(runner, data).awaitFirst(prom);

        String text = Files.readString(prom, StandardCharsets.UTF_8);
        Promtool.Verdict verdict = Promtool.checkMetrics(text);
        assertTrue(verdict.clean(), verdict + "\n" + text);
        assertTrue(text.contains("\ndigiclub_check_status{check=\"disk:/\"} "), text);
        assertTrue(text.contains("\ndigiclub_session_open 0\n"), text);
        assertEquals(List.of(), PrivacyScan.ofThisMachine().findings(text), text);
        // node_exporter's group reads it (digiclub-metrics, or where there is none the agent's own), others not
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(prom)));
    }
}
