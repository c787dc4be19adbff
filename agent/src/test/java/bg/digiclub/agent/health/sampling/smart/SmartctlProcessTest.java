package bg.digiclub.agent.health.sampling.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs real child processes: a shell script stands in for smartctl, since no disk here answers SMART. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SmartctlProcessTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void findsAnExecutableSmartctlOnThePath() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("smartctl"), "not executable");
        Path smartctl = bin.resolve("smartctl");
        Files.writeString(smartctl, "#!/bin/sh\n");
        Files.setPosixFilePermissions(smartctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = String.join(File.pathSeparator, "", other.toString(), bin.toString());
        assertEquals(Optional.of(smartctl), SmartctlProcess.findOnPath(path, File.pathSeparator));
        assertEquals(Optional.empty(), SmartctlProcess.findOnPath(other.toString(), File.pathSeparator));
        assertEquals(Optional.empty(), SmartctlProcess.findOnPath(null, File.pathSeparator));
    }

    @Test
    void printsWhatSmartctlWroteWhateverItsExitStatus() throws IOException {
        Path fake = script("smartctl", "echo \"{\\\"args\\\": \\\"$*\\\"}\"; exit 4");
        Optional<String> out = new SmartctlProcess(fake, Duration.ofSeconds(30)).run(List.of("-H", "-j", "/dev/sda"));
        assertEquals(Optional.of("{\"args\": \"-H -j /dev/sda\"}\n"), out);
    }

    @Test
    void hangingSmartctlIsKilledAndGivesNothing() throws IOException {
        // exec: the shell becomes the sleep, so killing it leaves no stray process behind.
        Path hanging = script("smartctl", "exec sleep 600");
        assertEquals(Optional.empty(), new SmartctlProcess(hanging, Duration.ofMillis(300)).run(List.of("--scan")));
    }

    @Test
    void missingExecutableGivesNothing() {
        assertEquals(
                Optional.empty(),
                new SmartctlProcess(dir.resolve("no-such-smartctl"), Duration.ofSeconds(5)).run(List.of("--scan")));
    }

    @Test
    void timeoutMustBePositive() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new SmartctlProcess(dir, Duration.ZERO));
        assertTrue(e.getMessage().contains("smartctl timeout must be positive"));
    }
}
