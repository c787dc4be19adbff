package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.service.NativeSetup;
import bg.digiclub.agent.store.Database;
import bg.digiclub.testsupport.Patience;

/**
 * A full disk never stops the agent from starting, and what it had committed survives (issue 9).
 * The data directory is on a small tmpfs of its own (root: {@code mount}): the real agent runs
 * there, is killed ({@code kill -9}), runs again and is stopped, the disk is filled to the last
 * byte, and the agent must start again — which it could not while it unpacked SQLite's native
 * library (1.1 MB) on every start (the test fails then: "No space left on device" from
 * SQLiteJDBCLoader, the agent exits).
 */
@EnabledOnOs(OS.LINUX)
class FullDiskTest {
    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theAgentStartsAgainOnAFullDiskAndItsCommittedDataSurvives() throws Exception {
        Path disk = Files.createDirectory(temp.resolve("disk"));
        run("mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", disk.toString());
        try {
            Path data = disk.resolve("agent");
            Running first = start(data);
            first.await("kiosk link listening");
            StatusRounds rounds = new StatusRounds(first.process, data);
            rounds.awaitFirst();
            rounds.awaitMore(2); // a few more samples
            first.process.destroyForcibly().waitFor(); // kill -9: nothing is tidied up
            // then a clean stop: SQLite removes its -wal and -shm, which the next start must create
            Running again = start(data);
            again.await("kiosk link listening");
            again.process.toHandle().destroy();
            assertTrue(again.process.waitFor(1, TimeUnit.MINUTES));
            long samplesBefore = samples(data);
            assertTrue(samplesBefore > 0, "the first runs committed samples");

            long filled = fill(disk.resolve("filler"));
            long free = Files.getFileStore(disk).getUsableSpace();
            assertEquals(0, free, "the disk is full (" + filled + " bytes of filler)");

            long startedAt = System.nanoTime();
            Running second = start(data);
            second.await("kiosk link listening");
            System.out.printf(
                    "full disk: %d bytes of filler, %d bytes free; the agent listened after %d ms%n",
                    filled, free, (System.nanoTime() - startedAt) / 1_000_000);
            // Three sampling rounds on a full disk. Not a wait for a condition: on a full disk the agent can
            // write neither its status file nor samples, and prints nothing unless its overall status
            // changes, so nothing outside shows a round. The time passes for the real process to meet
            // the full disk; the assertion is that it is still alive after it.
            Thread.sleep(3_000);
            assertTrue(second.process.isAlive(), "the agent keeps running on a full disk: " + second.output);
            second.process.toHandle().destroy();
            assertTrue(second.process.waitFor(1, TimeUnit.MINUTES));

            try (Stream<Path> leftovers = Files.list(data.resolve(NativeSetup.TMP_DIR))) {
                assertEquals(List.of(), leftovers.toList(), "nothing unpacked per start");
            }
            Files.delete(disk.resolve("filler"));
            assertTrue(samples(data) >= samplesBefore, "committed samples survive");
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    /** A running agent and the lines it printed so far. */
    private record Running(Process process, List<String> output) {
        void await(String marker) {
            Patience.await("'" + marker + "' in the agent's output")
                    .failFast(() -> assertTrue(
                            process.isAlive() || output.stream().anyMatch(l -> l.contains(marker)),
                            "the agent exited before '" + marker + "': " + String.join("\n", output)))
                    .until(() -> output.stream().anyMatch(l -> l.contains(marker)));
        }
    }

    private Running start(Path data) throws IOException {
        List<String> cmd = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                AgentMain.class.getName(),
                "run",
                "--data-dir",
                data.toString(),
                "--interval",
                "1");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("(output unreadable: " + e + ")");
                    }
                },
                "agent-output");
        reader.setDaemon(true);
        reader.start();
        return new Running(p, lines);
    }

    /** Writes until the file system says no more. */
    private static long fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
                written += block.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        // the last partial block
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 4096; i++) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException e) {
            // full to the byte
        }
        return written;
    }

    private static long samples(Path data) throws Exception {
        try (Database db = Database.openReadOnly(data.resolve(Database.FILE_NAME))) {
            return db.read(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT count(*) FROM sample")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }
}
