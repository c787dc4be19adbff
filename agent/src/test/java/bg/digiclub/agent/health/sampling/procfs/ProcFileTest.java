package bg.digiclub.agent.health.sampling.procfs;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcFileTest {

    @Test
    void everyReadGivesTheTextAsItIsNow(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("counter");
        Files.writeString(path, "reads 1\n");
        ProcFile file = new ProcFile(path);
        assertEquals("reads 1\n", file.read());
        Files.writeString(path, "reads 22\n"); // rewritten in place, as the kernel does
        assertEquals("reads 22\n", file.read());
        Files.writeString(path, "r\n");
        assertEquals("r\n", file.read(), "a shorter text leaves nothing of the longer one");
    }

    @Test
    void aTextLongerThanTheBufferIsReadWhole(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("long");
        String text = "intr 1 2 3 4 5 6 7 8 9\n".repeat(1000); // /proc/stat's intr line is long
        Files.writeString(path, text);
        assertEquals(text, new ProcFile(path).read());
    }

    @Test
    void aFileThatIsNotThereIsAClearErrorAndIsOpenedOnceItIs(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("operstate");
        ProcFile file = new ProcFile(path);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, file::read);
        assertEquals("cannot read " + path, e.getMessage());
        Files.writeString(path, "up\n");
        assertEquals("up\n", file.read());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theKernelWritesAProcFileAnewOnEveryRead() {
        ProcFile uptime = new ProcFile(Path.of("/proc/uptime"));
        double first = Double.parseDouble(uptime.read().split(" ")[0]);
        // a ProcFile that kept its first content would never see the uptime grow
        await("a later read of /proc/uptime to show a later uptime than " + first)
                .until(() -> Double.parseDouble(uptime.read().split(" ")[0]) > first);
    }
}
