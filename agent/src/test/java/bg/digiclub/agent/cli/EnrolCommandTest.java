package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The enrolment code reaches {@code agent enrol} on standard input or from a private file, never as an argument. */
class EnrolCommandTest {
    @TempDir
    Path dir;

    @Test
    void theCodeIsReadFromAPrivateFile() throws Exception {
        Path file = dir.resolve("code.txt");
        Files.writeString(file, " 7KQ2-M9XD-4TRB \nignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals("7KQ2-M9XD-4TRB", EnrolCommand.readCodeFile(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals("7KQ2-M9XD-4TRB", EnrolCommand.readCodeFile(file));
    }

    @Test
    void aFileEveryAccountCanReadIsRefusedWithWhatToDo() throws Exception {
        Path file = dir.resolve("code.txt");
        Files.writeString(file, "7KQ2-M9XD-4TRB\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EnrolCommand.readCodeFile(file));
        assertTrue(
                e.getMessage().contains("readable by every account")
                        && e.getMessage().contains("chmod 600"),
                e.getMessage());
    }

    @Test
    void theCodeIsReadFromTheFirstLineOfStandardInput() throws Exception {
        assertEquals(
                "7KQ2-M9XD-4TRB",
                EnrolCommand.readCode(new ByteArrayInputStream("7KQ2-M9XD-4TRB\n".getBytes(StandardCharsets.UTF_8))));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> EnrolCommand.readCode(new ByteArrayInputStream(new byte[0])));
        assertTrue(e.getMessage().contains("standard input"), e.getMessage());
    }

    @Test
    void aCodeOnTheCommandLineIsRefusedAndSaysWhy() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AgentCommand()).setErr(new PrintWriter(err));
        int exit = cli.execute("enrol", "--data-dir", dir.toString(), "--code", "7KQ2-M9XD-4TRB");
        assertEquals(2, exit);
        assertTrue(
                err.toString().contains("not an argument") && err.toString().contains("--enrol-code-file"),
                err.toString());
    }
}
