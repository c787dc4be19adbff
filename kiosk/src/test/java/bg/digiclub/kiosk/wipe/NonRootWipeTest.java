package bg.digiclub.kiosk.wipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;

/**
 * The wipe as the kiosk really runs it: as an unprivileged visitor account (here {@code nobody},
 * through util-linux {@code setpriv}), on a hostile tree the visitor owns, with directories and
 * files it made unreadable and undeletable. Root ignores permissions, so only this test proves
 * the wipe gives owner access back before deleting. Needs to run as root to switch user.
 */
@EnabledOnOs(OS.LINUX)
class NonRootWipeTest {
    private static final String NOBODY = "65534";

    @TempDir
    Path dir;

    @Test
    void visitorAccountWipesItsOwnLockedUpTree() throws Exception {
        List<String> lines = wipeAsNobody("");

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("downloads|true|"), lines.get(0));
        assertTrue(lines.get(1).startsWith("documents|true|"), lines.get(1));
        assertWipedAndSentinelsIntact();
    }

    @Test
    void visitorAccountEmptiesItsTrashInTheBackground() throws Exception {
        // Directories without write permission cannot be renamed (their ".." must change): those
        // are deleted in place, the rest moved to the trash and purged.
        List<String> lines = wipeAsNobody("wipe.trash=~/.digiclub-trash");

        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("downloads|true|"), lines.get(0));
        assertTrue(lines.get(1).startsWith("documents|true|"), lines.get(1));
        assertTrue(lines.get(2).startsWith("trash|true|"), lines.get(2));
        assertEquals(List.of(), entries(dir.resolve("home/.digiclub-trash")));
        assertWipedAndSentinelsIntact();
    }

    private List<String> wipeAsNobody(String extraConfig) throws Exception {
        assertEquals("root", System.getProperty("user.name"), "this test switches to the nobody account and needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        HostileTree.build(dir);
        Path home = dir.resolve("home");
        // -h: change the links themselves; without it chown would hand the sentinels to nobody
        run(List.of("chown", "-R", "-h", NOBODY + ":" + NOBODY, home.toString()));
        Path config = Files.writeString(dir.resolve("kiosk.properties"), String.join("\n",
                "wipe.visitor.home=" + home,
                "wipe.steps=downloads,documents",
                "wipe.downloads.paths=~/Downloads",
                "wipe.documents.paths=~/Documents",
                extraConfig,
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        return run(List.of(
                "setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--",
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp", readableClasspath(), WipeAsVisitor.class.getName(), config.toString()));
    }

    private void assertWipedAndSentinelsIntact() throws IOException {
        Path home = dir.resolve("home");
        assertEquals(List.of(), entries(home.resolve("Downloads")));
        assertEquals(List.of(), entries(home.resolve("Documents")));
        assertEquals("keep-me\n", Files.readString(dir.resolve("outside/sentinel.txt")));
        assertEquals("inner\n", Files.readString(dir.resolve("outside/sentinel-dir/inner.txt")));
        assertEquals("root", Files.getOwner(dir.resolve("outside/sentinel.txt")).getName());
    }

    /**
     * The kiosk's classes and the few jars the wipe needs, copied where {@code nobody} can read
     * them (the Maven repository under /root is not readable by other accounts).
     */
    private String readableClasspath() throws IOException, URISyntaxException, InterruptedException {
        Path cp = Files.createDirectories(dir.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (Class<?> anchor : List.of(WipeAsVisitor.class, ConfiguredPrivacyWipe.class, WipeStepResult.class, LoggerFactory.class)) {
            Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = cp.resolve("e" + i++ + (Files.isDirectory(source) ? "" : ".jar"));
            copyTree(source, target);
            entries.add(target.toString());
        }
        run(List.of("chmod", "-R", "a+rX", cp.toString()));
        return entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code + ": " + out);
        }
        return out.lines().filter(l -> l.contains("|")).collect(Collectors.toList());
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
