package bg.digiclub.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.support.logging.OperatorLogFile;

/**
 * Where the agent's lines go: under systemd to the console alone (the journal gets each line once,
 * no agent.log beside it); with an operator's logback file, wherever that file says and nowhere
 * else, for every command.
 */
class OperatorLoggingTest {
    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void mdc() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private List<String> rootAppenders() {
        List<String> names = new ArrayList<>();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders()
                .forEachRemaining(a -> names.add(a.getName()));
        return names;
    }

    @Test
    void underSystemdTheConsoleAloneCarriesEachLine() throws Exception {
        ServiceLogging.configure(context, dir, ServiceLogging.Limits.AGENT, System::currentTimeMillis, true);
        context.getLogger("bg.digiclub.agent.Test").info("one line");

        assertEquals(List.of("CONSOLE"), rootAppenders());
        assertFalse(Files.exists(dir.resolve(ServiceLogging.FILE_NAME)), "no second copy in a file");
    }

    @Test
    void outsideSystemdTheServiceKeepsItsCappedFileBesideTheConsole() throws Exception {
        ServiceLogging.configure(context, dir, ServiceLogging.Limits.AGENT, System::currentTimeMillis, false);

        assertEquals(List.of("CONSOLE", "FILE"), rootAppenders());
    }

    @Test
    void anOperatorsFileReplacesTheBuiltInSetUpEntirely() throws Exception {
        Path log = dir.resolve("mine.log");
        Path file = operatorFile(log);

        assertEquals(Optional.empty(), OperatorLogback.configure(context, file));
        context.getLogger("bg.digiclub.agent.Test").info("to the operator's file");

        assertEquals(List.of("MINE"), rootAppenders());
        assertTrue(OperatorLogback.inUse(context), "agent run leaves it as it is");
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("OPERATOR to the operator's file"));
    }

    @Test
    void theFileNamedByThePropertyConfiguresEveryCommandsLogging() throws Exception {
        Path log = dir.resolve("mine.log");
        Path file = operatorFile(log);
        String before = System.getProperty(OperatorLogFile.PROPERTY);
        System.setProperty(OperatorLogFile.PROPERTY, file.toString());
        try {
            new ConsoleLogging().configure(context);
        } finally {
            if (before == null) {
                System.clearProperty(OperatorLogFile.PROPERTY);
            } else {
                System.setProperty(OperatorLogFile.PROPERTY, before);
            }
        }
        assertEquals(List.of("MINE"), rootAppenders(), "not the built-in STDERR");
    }

    @Test
    void aFileThatCannotBeUsedIsSaidAndTheBuiltInSetUpIsKept() throws Exception {
        Path broken = Files.writeString(dir.resolve("logback.xml"), "<configuration><appender name=");

        Optional<String> why = OperatorLogback.configure(context, broken);
        assertTrue(why.isPresent() && why.get().startsWith(broken.toString()), why.toString());
        assertFalse(OperatorLogback.inUse(context));
        assertEquals(
                Optional.of(dir.resolve("missing.xml") + " does not exist"),
                OperatorLogback.configure(context, dir.resolve("missing.xml")));
    }

    private Path operatorFile(Path log) throws Exception {
        return Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>OPERATOR %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="MINE"/></root>
                </configuration>
                """.formatted(log));
    }
}
