package bg.digiclub.agent.link;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a JDK-only test program ({@link PeerProbe}, {@link PeerChurn}) as another account with
 * {@code setpriv}, as a real other peer of the socket. Needs root, as the development machines
 * and CI run the tests.
 */
final class AnotherAccount {
    private AnotherAccount() {}

    /**
     * A process running {@code program} as {@code uid}/{@code gid} (no supplementary groups).
     * The program's class file is first copied into {@code dir}, readable by everyone: the build
     * directory may sit in a folder only root can enter (a checkout in a private temporary directory).
     */
    static ProcessBuilder run(Path dir, String uid, String gid, Class<?> program, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                "setpriv",
                "--reuid=" + uid,
                "--regid=" + gid,
                "--clear-groups",
                java.toString(),
                "-Xshare:off",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                readableCopy(dir, program).toString(),
                program.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Path readableCopy(Path dir, Class<?> program) throws IOException {
        Path built;
        try {
            built = Path.of(
                    program.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String file = program.getName().replace('.', '/') + ".class";
        Path classes = dir.resolve("peer-classes");
        Path copy = classes.resolve(file);
        Files.createDirectories(copy.getParent());
        Files.copy(built.resolve(file), copy, StandardCopyOption.REPLACE_EXISTING);
        try (var paths = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return classes;
    }
}
