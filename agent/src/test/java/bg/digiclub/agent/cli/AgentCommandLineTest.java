package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.cli.AgentProcesses.Result;
import bg.digiclub.agent.service.InstanceLock;
import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * The agent's command line as an operator and a monitoring system use it, in real child JVMs:
 * help and version on every command, {@code status --check}'s exit status, arguments checked.
 */
class AgentCommandLineTest {
    @TempDir
    Path dataDir;

    private final AgentProcesses agents = new AgentProcesses();

    @AfterEach
    void stopAll() {
        agents.stopAll();
    }

    private Result agent(String... args) throws Exception {
        return agents.run(args);
    }

    @Test
    void everyCommandTakesHelpAndVersion() throws Exception {
        for (String command : List.of("run", "status", "history", "alerts", "staff-pin", "enrol", "upload")) {
            Result help = agent(command, "--help");
            assertEquals(0, help.exit(), command + ": " + help.output());
            assertTrue(help.output().startsWith("Usage: digiclub-agent " + command), command + ": " + help.output());
        }
        Result version = agent("status", "--version");
        assertEquals(0, version.exit(), version.output());
        // run from target/classes there is no jar manifest: it says so instead of a made-up number
        assertEquals(
                "DigiClub agent (built from source, no version recorded)",
                version.output().strip());
    }

    @Test
    void statusCheckExitsAsAMonitoringPluginDoes() throws Exception {
        assertEquals(
                List.of(0, 1, 2, 3),
                List.of(
                        checkWith(HealthStatus.OK).exit(),
                        checkWith(HealthStatus.WARN).exit(),
                        checkWith(HealthStatus.CRIT).exit(),
                        checkWith(HealthStatus.UNKNOWN).exit()));

        Result crit = checkWith(HealthStatus.CRIT);
        assertEquals(
                "DIGICLUB CRIT - smart:sda CRIT (12 reallocated sectors)",
                crit.output().strip());
        assertEquals(
                "DIGICLUB OK - all 2 checks OK",
                checkWith(HealthStatus.OK).output().strip());
        assertEquals(
                "DIGICLUB UNKNOWN - 1 of 2 checks OK, none WARN or CRIT; not measured: smart:sda",
                checkWith(HealthStatus.UNKNOWN).output().strip());
    }

    @Test
    void statusCheckWithABadConfigIsUnknownNotCritical() throws Exception {
        Path config = Files.writeString(dataDir.resolve("agent.properties"), "sampling.interval-seconds=often\n");
        Result result = agent("status", "--check", "--config", config.toString());
        assertEquals(3, result.exit(), result.output());
        assertTrue(result.output().startsWith("DIGICLUB UNKNOWN - "), result.output());
        assertTrue(result.output().contains("sampling.interval-seconds"), "names the key: " + result.output());
    }

    @Test
    void outOfRangeArgumentsAreRefusedWithTheReason() throws Exception {
        Result alerts = agent("alerts", "--limit", "-3", "--data-dir", dataDir.toString());
        assertEquals(2, alerts.exit(), alerts.output());
        assertTrue(alerts.output().contains("--limit must be between 1 and 10000 (was -3)"), alerts.output());
        Result history = agent("history", "--check", "disk:/", "--days", "0", "--data-dir", dataDir.toString());
        assertEquals(2, history.exit(), history.output());
        assertTrue(history.output().contains("--days must be between 1 and 400 (was 0)"), history.output());
    }

    /**
     * {@code status --check} while "an agent" (this test, holding the instance lock) has just
     * published a report whose disk check has {@code status}.
     */
    private Result checkWith(HealthStatus status) throws Exception {
        Path data = Files.createTempDirectory(dataDir, "pc");
        HealthReport report = new HealthReport(
                status,
                Instant.now(),
                List.of(
                        new CheckReport("memory", HealthStatus.OK, "41% used", null),
                        new CheckReport("smart:sda", status, "12 reallocated sectors", null)));
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(data);
        try (InstanceLock held = lock.orElseThrow()) {
            new StatusFile(data).write(report);
            return agent("status", "--check", "--data-dir", data.toString());
        }
    }
}
