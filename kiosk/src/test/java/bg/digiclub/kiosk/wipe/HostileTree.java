package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a visitor home full of traps with the shell, not Java: a Cyrillic name must be created
 * even under a C locale, a name that is not UTF-8 at all cannot be written from Java, and a
 * tree deeper than PATH_MAX can only be made one relative {@code cd} at a time.
 */
final class HostileTree {
    static final int DEPTH = 300; // 300 x 17 characters: well past PATH_MAX (4096)

    private static final String SCRIPT = String.join("\n",
            "set -e",
            "mkdir -p outside/sentinel-dir outside/chromium/Default home/Downloads home/Documents home/.local/share",
            "echo keep-me > outside/sentinel.txt",
            "echo inner > outside/sentinel-dir/inner.txt",
            "echo someone-elses-history > outside/chromium/Default/History",
            // Downloads: links pointing out, and loops
            "echo pdf > home/Downloads/boarding-pass.pdf",
            "ln -s ../../outside/sentinel.txt home/Downloads/link-to-sentinel",
            "ln -s \"$PWD/outside/sentinel-dir\" home/Downloads/link-to-outside-dir",
            "ln -s ../../outside home/Downloads/up",
            "ln -s loop-b home/Downloads/loop-a",
            "ln -s loop-a home/Downloads/loop-b",
            "ln -s . home/Downloads/self",
            "mkfifo home/Downloads/pipe",
            // Documents: odd names, no permissions, deep nesting
            "echo текст > home/Documents/Документ.docx",
            "mkdir home/Documents/Снимки && echo jpg > home/Documents/Снимки/море.jpg",
            "printf x > \"home/Documents/$(printf 'bad-\\377-name')\"",
            "mkdir home/Documents/locked && echo secret > home/Documents/locked/secret.txt && chmod 000 home/Documents/locked",
            "mkdir home/Documents/readonly && echo a > home/Documents/readonly/a.txt && chmod 500 home/Documents/readonly",
            "echo x > home/Documents/no-perms.txt && chmod 000 home/Documents/no-perms.txt",
            "(cd home/Documents && i=0 && while [ $i -lt " + DEPTH + " ]; do mkdir dir-level-nested; cd -P dir-level-nested; i=$((i+1)); done; echo bottom > bottom.txt; ln -s /etc/passwd passwd-link)",
            // a configured directory that is itself a link out, and a link on the way to one
            "ln -s \"$PWD/outside/sentinel-dir\" home/Linked",
            "ln -s ../outside home/.cache",
            "echo recent > home/.local/share/recently-used.xbel",
            "");

    private HostileTree() {
    }

    static void build(Path dir) throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("build-hostile-tree.sh"), SCRIPT, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("sh", script.getFileName().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("building the hostile tree failed: " + output);
        }
    }
}
