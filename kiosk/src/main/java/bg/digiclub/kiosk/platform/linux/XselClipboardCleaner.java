package bg.digiclub.kiosk.platform.linux;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import bg.digiclub.kiosk.platform.ClipboardCleaner;

/**
 * Clears the X clipboard and primary selection with {@code xsel --clear} (Debian package
 * {@code xsel}). {@code xclip} is not used: it can only replace the content, and it stays
 * running in the background to serve the replacement.
 */
public final class XselClipboardCleaner implements ClipboardCleaner {
    private static final long TOOL_TIMEOUT_SECONDS = 5;

    private final String displayName;
    private final String searchPath;

    /**
     * @param displayName the X display, e.g. {@code :0}; null means {@code $DISPLAY}
     * @param searchPath  where to look for {@code xsel}, in {@code $PATH} form
     */
    public XselClipboardCleaner(String displayName, String searchPath) {
        this.displayName = displayName;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** Uses {@code $DISPLAY} and {@code $PATH}. */
    public static XselClipboardCleaner fromEnvironment() {
        return new XselClipboardCleaner(null, System.getenv("PATH"));
    }

    @Override
    public void clear() throws IOException {
        String display = displayName != null ? displayName : System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IOException("no X display (DISPLAY is not set)");
        }
        Path xsel = find("xsel").orElseThrow(() -> new IOException("xsel is not installed (apt-get install xsel)"));
        for (String selection : List.of("--clipboard", "--primary")) {
            run(List.of(xsel.toString(), selection, "--clear"), display);
        }
    }

    private Optional<Path> find(String tool) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void run(List<String> command, String display) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue()
                        + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while clearing the clipboard", e);
        }
    }
}
