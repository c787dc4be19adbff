package bg.digiclub.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.support.logging.OperatorLogFile;

/**
 * The collector logs to the console alone (under systemd: each line once in the journal), unless
 * an operator's logback file is there, which then replaces the built-in set-up entirely.
 */
class CollectorLoggingTest {
    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();
    private final String propertyBefore = System.getProperty(OperatorLogFile.PROPERTY);

    @AfterEach
    void restore() {
        context.stop();
        if (propertyBefore == null) {
            System.clearProperty(OperatorLogFile.PROPERTY);
        } else {
            System.setProperty(OperatorLogFile.PROPERTY, propertyBefore);
        }
    }

    /** What logback does at start-up: our configurator first, then its own. */
    private List<String> configureAsLogbackDoes(CollectorLogging ours) throws Exception {
        context.setMDCAdapter(new LogbackMDCAdapter());
        ours.setContext(context);
        ours.configure(context);
        DefaultJoranConfigurator joran = new DefaultJoranConfigurator();
        joran.setContext(context);
        joran.configure(context);
        List<String> names = new ArrayList<>();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders()
                .forEachRemaining(a -> names.add(a.getName()));
        return names;
    }

    @Test
    void builtInTheConsoleAloneCarriesEachLine() throws Exception {
        System.clearProperty(OperatorLogFile.PROPERTY);
        assertEquals(List.of("ERR"), configureAsLogbackDoes(new CollectorLogging(dir.resolve("absent.xml"))));
    }

    @Test
    void theOperatorsFileInEtcReplacesTheBuiltInSetUp() throws Exception {
        System.clearProperty(OperatorLogFile.PROPERTY);
        Path etc = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="MINE"/></root>
                </configuration>
                """.formatted(dir.resolve("collector.log")));

        assertEquals(List.of("MINE"), configureAsLogbackDoes(new CollectorLogging(etc)));
    }
}
