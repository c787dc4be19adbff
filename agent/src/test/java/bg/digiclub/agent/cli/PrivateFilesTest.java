package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.agent.service.UnsafeDirectoryException;

/**
 * Nothing the agent writes is readable by another account on the PC (issue 9): the agent is
 * started the way a careless unit file would start it, with umask 022, and every file it makes
 * must still be 0600 and every directory 0700; a data or log directory open to others, or owned
 * by another account, stops it with a message naming the directory.
 */
@EnabledOnOs(OS.LINUX)
class PrivateFilesTest {
    private static final java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    /** The agent in a child JVM started from a shell with the usual umask 022 (systemd's default). */
    private Process agent(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "sh",
                "-c",
                "umask 022; exec \"$0\" \"$@\"",
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                AgentMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "command did not finish");
        return out;
    }

    @Test
    void everyFileTheRunningAgentWritesIsPrivateEvenUnderUmask022() throws Exception {
        Path data = temp.resolve("var/lib/digiclub/agent");
        Path logs = temp.resolve("var/log/digiclub");
        Process runner = agent("run", "--data-dir", data.toString(), "--log-dir", logs.toString(), "--interval", "1");
        StatusRounds rounds = new StatusRounds(runner, data);
        rounds.awaitFirst(data.resolve("agent.db-wal"));
        // a second round rewrites status.json: a replaced file must be private too
        rounds.awaitMore(1);
        assertTrue(Files.exists(logs.resolve("agent.log")), "the log is written");

        List<String> open = new ArrayList<>();
        for (Path root : List.of(temp.resolve("var/lib/digiclub"), logs)) {
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(p -> !p.startsWith(
                                data.resolve("run"))) // the kiosk's socket: 0750/0660 for its group, by design
                        .forEach(p -> {
                            Set<PosixFilePermission> mode = mode(p);
                            String expected = Files.isDirectory(p)
                                    ? "rwx------"
                                    : Files.isExecutable(p) ? "rwx------" : "rw-------";
                            if (!PosixFilePermissions.toString(mode).equals(expected)) {
                                open.add(p + " " + PosixFilePermissions.toString(mode));
                            }
                        });
            }
        }
        assertTrue(open.isEmpty(), "files or directories open to other accounts: " + open);
        for (String name : List.of("agent.db", "agent.db-wal", "agent.db-shm", StatusFile.FILE_NAME)) {
            assertEquals("rw-------", PosixFilePermissions.toString(mode(data.resolve(name))), name);
        }
    }

    /**
     * The attack of issue 9, as another account on the PC ({@code nobody}, like the visitor's):
     * read every file the running agent wrote, where the directories above would let it.
     */
    @Test
    void anotherAccountCanReadNothingTheAgentWrote() throws Exception {
        assertEquals(
                0L,
                ((Number) Files.getAttribute(temp, "unix:uid")).longValue(),
                "this test switches accounts with setpriv and must run as root (as the dev machines and CI do)");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = temp.resolve("var/lib/digiclub/agent");
        Path logs = temp.resolve("var/log/digiclub");
        Files.createDirectories(data.getParent().getParent());
        Files.createDirectories(logs.getParent());
        Process runner = agent("run", "--data-dir", data.toString(), "--log-dir", logs.toString(), "--interval", "1");
        new StatusRounds(runner, data).awaitFirst(data.resolve("agent.db-wal"));
        List<Path> files;
        try (Stream<Path> all = Stream.concat(Files.walk(data), Files.walk(logs))) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        List<String> read = new ArrayList<>();
        for (Path f : files) {
            Process cat = new ProcessBuilder(
                            "setpriv",
                            "--reuid=65534",
                            "--regid=65534",
                            "--clear-groups",
                            "head",
                            "-c",
                            "16",
                            f.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(cat.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (cat.waitFor() == 0) {
                read.add(f + ": " + out.replaceAll("\\p{Cntrl}", "."));
            } else {
                assertTrue(out.contains("Permission denied"), f + ": " + out);
            }
        }
        assertEquals(List.of(), read, "another account read these files of the agent's");
    }

    @Test
    void aDataDirectoryOthersCanReadStopsTheAgentNamingIt() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process p = agent("run", "--data-dir", data.toString(), "--interval", "1");
        String out = finish(p);
        assertEquals(UnsafeDirectoryException.EXIT_STATUS, p.exitValue(), out);
        assertTrue(
                out.contains("refusing to start") && out.contains(data.toString()) && out.contains("chmod 700 " + data),
                out);
        assertFalse(Files.exists(data.resolve("agent.db")), "nothing is written into it");
    }

    @Test
    void aDataDirectoryInAFolderOthersCanWriteStopsTheAgent() throws Exception {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = Files.createDirectory(shared.resolve("data"), PRIVATE);
        Process p = agent("run", "--data-dir", data.toString());
        String out = finish(p);
        assertEquals(UnsafeDirectoryException.EXIT_STATUS, p.exitValue(), out);
        assertTrue(
                out.contains("the directory " + shared + " above the data directory") && out.contains("chmod go-w"),
                out);
        // sticky, as /tmp is (where every other test here runs): others cannot move what is ours
        Files.setAttribute(shared, "unix:mode", 01777);
        Process sticky = agent("alerts", "--data-dir", data.toString());
        String stickyOut = finish(sticky);
        assertTrue(!stickyOut.contains("refusing to start"), stickyOut);
    }

    @Test
    void aLogDirectoryItsGroupCanEnterStopsTheAgentNamingIt() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"), PRIVATE);
        Path logs = Files.createDirectory(temp.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwx--x---"));
        Process p = agent("run", "--data-dir", data.toString(), "--log-dir", logs.toString());
        String out = finish(p);
        assertEquals(UnsafeDirectoryException.EXIT_STATUS, p.exitValue(), out);
        assertTrue(out.contains("log directory (log-dir) " + logs), out);
    }

    @Test
    void aDataDirectoryOwnedByAnotherAccountStopsTheAgent() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"), PRIVATE);
        String me = System.getProperty("user.name");
        String other = me.equals("nobody") ? "root" : "nobody";
        Files.setOwner(
                data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(other));
        Process p = agent("alerts", "--data-dir", data.toString());
        String out = finish(p);
        assertEquals(UnsafeDirectoryException.EXIT_STATUS, p.exitValue(), out);
        assertTrue(out.contains(data + " belongs to " + other), out);
    }

    private static Set<PosixFilePermission> mode(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
