package bg.digiclub.installer.linux;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent's and the kiosk's class-data-sharing archives, recorded on the PC itself (an archive
 * is tied to the JDK and the jar it was made with; docs/benchmarks.md): the agent's starts it
 * with less memory, the kiosk's brings the lock screen back sooner after a crash or kill.
 *
 * <ul>
 * <li>Agent: run once with {@code -XX:ArchiveClassesAtExit} on a throw-away data directory for a
 * few health samples, then SIGTERM (the archive is written as the JVM exits). The unit uses it
 * through {@link Layout#CDS_ENV}: a missing {@code -XX:SharedArchiveFile} would switch class-data
 * sharing off altogether, so the option is there only while the archive is.</li>
 * <li>Kiosk: needs a display, and the install may run over SSH with no X server up: the kiosk runs
 * once as {@code digiclub-kiosk} with {@code --exit-when-ready} on a throw-away Xvfb display of
 * its own (a cookie only root and the kiosk's account hold). The session script adds the option
 * when {@link Layout#KIOSK_CDS_ARCHIVE} exists.</li>
 * </ul>
 * A failure is reported and the program runs without its archive: it is an optimisation. Skipped
 * for a directory tree (another machine's JDK).
 */
final class ClassDataArchives {
    private static final int RECORD_TIMEOUT_SECONDS = 120;

    private final PrintStream out;

    ClassDataArchives(PrintStream out) {
        this.out = out;
    }

    void record(Tree tree) throws IOException, InterruptedException {
        Target target = tree.target();
        if (!target.isLiveSystem()) {
            out.println(
                    "class-data archives: skipped (--root: record them on the PC itself with digiclub-installer upgrade)");
            return;
        }
        try {
            agent(tree);
        } catch (IOException e) {
            Files.deleteIfExists(target.resolve(Layout.CDS_ENV));
            out.println("agent class-data archive: not recorded (" + e.getMessage() + "); the agent runs without it");
        }
        try {
            kiosk(tree);
        } catch (IOException e) {
            Files.deleteIfExists(target.resolve(Layout.KIOSK_CDS_ARCHIVE));
            out.println("kiosk class-data archive: not recorded (" + e.getMessage() + "); the kiosk starts without it");
        }
    }

    private void agent(Tree tree) throws IOException, InterruptedException {
        Target target = tree.target();
        if (isCurrent(target, Layout.CDS_ARCHIVE, "agent") && Files.isRegularFile(target.resolve(Layout.CDS_ENV))) {
            out.println("agent class-data archive: already recorded for this jar and JDK");
            return;
        }
        Path work = Files.createTempDirectory("digiclub-cds");
        try {
            Path archive = work.resolve("agent.jsa");
            List<String> cmd = List.of(
                    LinuxInstaller.javaCommand(),
                    "@" + target.resolve(Layout.JVM_OPTIONS),
                    "-XX:ArchiveClassesAtExit=" + archive,
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off",
                    "-jar",
                    target.resolve(Layout.jar("agent")).toString(),
                    "run",
                    "--data-dir",
                    work.resolve("data").toString(),
                    "--interval",
                    "2");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("out").toFile())
                    .start();
            Path status = work.resolve("data/status.json");
            for (int i = 0; i < 600 && p.isAlive() && !Files.exists(status); i++) {
                Thread.sleep(100);
            }
            if (p.isAlive()) {
                Thread.sleep(5000); // a few health samples at the 2 s interval
                p.destroy(); // SIGTERM
            }
            finish(p);
            if (written(archive)) {
                // laid out like any file, so that a later failed step puts the old archive back
                tree.file(Layout.CDS_ARCHIVE, Files.readAllBytes(archive), 0644, "root", "root");
                tree.file(
                        Layout.CDS_ENV,
                        ("DIGICLUB_CDS=-XX:SharedArchiveFile=" + Layout.CDS_ARCHIVE + "\n")
                                .getBytes(StandardCharsets.UTF_8),
                        0644,
                        "root",
                        "root");
                out.println("agent class-data archive: recorded " + Layout.CDS_ARCHIVE);
            } else {
                Files.deleteIfExists(target.resolve(Layout.CDS_ENV));
                out.println("agent class-data archive: not written; the agent runs without it");
            }
        } finally {
            LinuxInstaller.deleteTree(work);
        }
    }

    private void kiosk(Tree tree) throws IOException, InterruptedException {
        Target target = tree.target();
        if (isCurrent(target, Layout.KIOSK_CDS_ARCHIVE, "kiosk")) {
            out.println("kiosk class-data archive: already recorded for this jar and JDK");
            return;
        }
        for (String tool : List.of("Xvfb", "xauth", "setpriv")) {
            if (!onPath(tool)) {
                Files.deleteIfExists(target.resolve(Layout.KIOSK_CDS_ARCHIVE));
                out.println("kiosk class-data archive: not recorded (no " + tool + "); the kiosk starts without it,"
                        + " ~0.4 s slower");
                return;
            }
        }
        Path work = Files.createTempDirectory("digiclub-kiosk-cds");
        Process server = null;
        try {
            // the kiosk's account writes the archive and reads the cookie here, nobody else
            Path own = work.resolve("kiosk");
            Files.createDirectory(own);
            Path cookie = own.resolve("xauth");
            Files.createFile(
                    cookie, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String display = freeDisplay();
            String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Run.Result added =
                    Run.run(List.of("xauth", "-q", "-f", cookie.toString(), "add", display, ".", key), null, 30);
            if (added.exit() != 0) {
                throw new IOException("xauth add: " + added.lastLine());
            }
            Run.Result owned =
                    Run.run(List.of("chown", "-R", Accounts.KIOSK + ":" + Accounts.KIOSK, own.toString()), null, 30);
            if (owned.exit() != 0) {
                throw new IOException("chown " + own + ": " + owned.lastLine());
            }
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            server = new ProcessBuilder(
                            "Xvfb",
                            display,
                            "-screen",
                            "0",
                            "1280x800x24",
                            "-nolisten",
                            "tcp",
                            "-auth",
                            cookie.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("xvfb.out").toFile())
                    .start();
            Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
            for (int i = 0; i < 100 && server.isAlive() && !Files.exists(socket); i++) {
                Thread.sleep(100);
            }
            Path archive = own.resolve("kiosk.jsa");
            List<String> cmd = new ArrayList<>(List.of(
                    "setpriv",
                    "--reuid=" + Accounts.KIOSK,
                    "--regid=" + Accounts.KIOSK,
                    "--clear-groups",
                    "--",
                    LinuxInstaller.javaCommand(),
                    "@" + target.resolve(Layout.KIOSK_JVM_OPTIONS),
                    "-XX:ArchiveClassesAtExit=" + archive,
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off",
                    "-jar",
                    target.resolve(Layout.jar("kiosk")).toString(),
                    "--exit-when-ready",
                    "--config",
                    target.resolve(Layout.KIOSK_PROPERTIES).toString()));
            ProcessBuilder kiosk = new ProcessBuilder(cmd)
                    .directory(own.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("kiosk.out").toFile());
            Map<String, String> env = kiosk.environment();
            env.clear();
            env.putAll(Map.of(
                    "PATH",
                    "/usr/bin:/bin",
                    "HOME",
                    own.toString(),
                    "DISPLAY",
                    display,
                    "XAUTHORITY",
                    cookie.toString(),
                    "LANG",
                    "C.UTF-8"));
            finish(kiosk.start());
            if (written(archive)) {
                tree.file(Layout.KIOSK_CDS_ARCHIVE, Files.readAllBytes(archive), 0644, "root", "root");
                out.println("kiosk class-data archive: recorded " + Layout.KIOSK_CDS_ARCHIVE);
            } else {
                Files.deleteIfExists(target.resolve(Layout.KIOSK_CDS_ARCHIVE));
                out.println("kiosk class-data archive: not written (" + lastLine(work.resolve("kiosk.out"))
                        + "); the kiosk starts without it");
            }
        } finally {
            if (server != null) {
                server.destroy();
                finish(server);
            }
            LinuxInstaller.deleteTree(work);
        }
    }

    /** The archive exists and is newer than its jar and the running JDK's modules. */
    private static boolean isCurrent(Target target, String archivePath, String program) throws IOException {
        Path archive = target.resolve(archivePath);
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
        return Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive)
                                .compareTo(Files.getLastModifiedTime(target.resolve(Layout.jar(program))))
                        > 0
                && (!Files.exists(modules)
                        || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(modules)) > 0);
    }

    private static boolean written(Path archive) throws IOException {
        return Files.isRegularFile(archive) && Files.size(archive) > 0;
    }

    private static void finish(Process p) throws InterruptedException {
        if (!p.waitFor(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** An X display number nothing uses (no socket, no lock file). */
    private static String freeDisplay() throws IOException {
        for (int n = 90; n < 190; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
        throw new IOException("no free X display between :90 and :189");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/bin", tool));
    }

    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            return lines.isEmpty()
                    ? "it printed nothing"
                    : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "no output";
        }
    }
}
