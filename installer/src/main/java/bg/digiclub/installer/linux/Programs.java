package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The programs' files the install copies to /opt/digiclub, found in {@code --from DIR}: for each
 * of agent, kiosk, installer either {@code DIR/<p>/digiclub-<p>.jar} + {@code DIR/<p>/lib/} (a
 * release directory) or {@code DIR/<p>/target/digiclub-<p>.jar} + {@code target/lib/} (a source
 * tree after {@code mvn package}); the agent's and the kiosk's JVM options from
 * {@code DIR/<program>/<program>.jvm-options} or {@code DIR/<program>/config/<program>.jvm-options}. The installer runs these as programs; it links
 * none of their code.
 */
public final class Programs {
    /** Source file -> layout path. */
    private final Map<Path, String> files;

    private Programs(Map<Path, String> files) {
        this.files = files;
    }

    public static Programs find(Path from) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        for (String program : Layout.PROGRAMS) {
            Path release = from.resolve(program);
            Path built = from.resolve(program).resolve("target");
            String jarName = "digiclub-" + program + ".jar";
            Path dir = Files.isRegularFile(release.resolve(jarName))
                    ? release
                    : Files.isRegularFile(built.resolve(jarName)) ? built : null;
            if (dir == null) {
                throw new IOException("no " + jarName + " in " + release + " or " + built
                        + " (--from: a release directory, or the sources after mvn package)");
            }
            files.put(dir.resolve(jarName), Layout.jar(program));
            Path lib = dir.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> s = Files.list(lib)) {
                    for (Path jar : s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                            .sorted()
                            .toList()) {
                        files.put(jar, Layout.lib(program) + "/" + jar.getFileName());
                    }
                }
            }
        }
        Path options = Stream.of(
                        from.resolve("agent/agent.jvm-options"), from.resolve("agent/config/agent.jvm-options"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(
                        () -> new IOException("no agent.jvm-options in " + from.resolve("agent") + " or its config/"));
        files.put(options, Layout.JVM_OPTIONS);
        // the session starts the kiosk with java @kiosk.jvm-options (lock screen in ~1.6 s instead of 2.1)
        Path kioskOptions = Stream.of(
                        from.resolve("kiosk/kiosk.jvm-options"), from.resolve("kiosk/config/kiosk.jvm-options"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(
                        () -> new IOException("no kiosk.jvm-options in " + from.resolve("kiosk") + " or its config/"));
        files.put(kioskOptions, Layout.KIOSK_JVM_OPTIONS);
        return new Programs(files);
    }

    /** Copies every file (0644 root:root; world-readable: nothing secret in a jar), drops old library jars. */
    public void layOut(Tree tree) throws IOException {
        for (String program : Layout.PROGRAMS) {
            tree.directory(Layout.OPT + "/" + program, 0755, "root", "root");
            tree.directory(Layout.lib(program), 0755, "root", "root");
        }
        for (Map.Entry<Path, String> f : files.entrySet()) {
            tree.file(f.getValue(), Files.readAllBytes(f.getKey()), 0644, "root", "root");
        }
        Set<String> wanted = Set.copyOf(files.values());
        for (String program : Layout.PROGRAMS) {
            Path lib = tree.target().resolve(Layout.lib(program));
            List<Path> old = new ArrayList<>();
            try (Stream<Path> s = Files.list(lib)) {
                s.filter(p -> !wanted.contains(tree.target().layoutPath(p))
                                && !p.getFileName().toString().endsWith(".digiclub-old"))
                        .forEach(old::add);
            }
            for (Path p : old) {
                // moved aside, not deleted, until the install is through: an undo renames it back as it was
                Path aside = p.resolveSibling("." + p.getFileName() + ".digiclub-old");
                Files.move(p, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                tree.journalRecord("removed the old " + tree.target().layoutPath(p), () -> Files.move(aside, p));
                tree.onCommit(() -> Files.deleteIfExists(aside));
            }
        }
    }

    /** The layout paths this install lays out (for tests and messages). */
    public List<String> targets() {
        return files.values().stream().sorted().collect(Collectors.toList());
    }
}
