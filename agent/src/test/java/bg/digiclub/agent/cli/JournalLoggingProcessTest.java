package bg.digiclub.agent.cli;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.support.logging.JournalStream;

/**
 * {@code agent run} as systemd starts it: its standard output is the stream {@code JOURNAL_STREAM}
 * names (here a file standing in for journald's socket). Every line goes there, once, and no
 * {@code agent.log} keeps a second copy.
 */
class JournalLoggingProcessTest {
    @TempDir
    Path dir;

    private Process agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.destroyForcibly();
        }
    }

    @Test
    void underSystemdEachLineGoesToTheJournalOnceAndNoLogFileIsWritten() throws Exception {
        Path data = Files.createDirectory(
                dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path logs = data.resolve("logs");
        File journal = Files.createFile(dir.resolve("journal")).toFile();
        Map<String, Object> stat = Files.readAttributes(journal.toPath(), "unix:dev,ino");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AgentMain.class.getName(),
                        "run",
                        "--data-dir",
                        data.toString(),
                        "--interval",
                        "1"))
                .redirectOutput(journal)
                .redirectError(journal);
        builder.environment().put(JournalStream.VARIABLE, stat.get("dev") + ":" + stat.get("ino"));
        agent = builder.start();
        new StatusRounds(agent, data).awaitFirst();
        await("the agent's start in the journal")
                .until(() -> Files.readString(journal.toPath(), StandardCharsets.UTF_8)
                        .contains("INFO  AgentService - agent started"));

        String lines = Files.readString(journal.toPath(), StandardCharsets.UTF_8);
        assertFalse(lines.matches("(?s).*\\d{2}:\\d{2}:\\d{2} INFO.*"), "journald stamps the time itself: " + lines);
        assertFalse(Files.exists(logs.resolve("agent.log")), "no second copy in a file");
    }
}
