package bg.digiclub.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * Logging of the running agent: console plus a size-capped rolling file, {@code agent.log} in
 * the configured log directory, rolled at {@value #MAX_FILE_MB} MB with {@value #KEPT_FILES}
 * compressed files kept — a village PC's disk never fills with our logs. The log directory is
 * only known once the configuration is read, so this runs then. Configured in code for the
 * reason given in {@link ConsoleLogging}.
 */
final class ServiceLogging {
    static final int MAX_FILE_MB = 10;
    static final int KEPT_FILES = 5;
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private ServiceLogging() {
    }

    static void start(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        String dir = logDir.toAbsolutePath().toString();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/agent.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/agent.%i.log.gz");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_MB + "MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(ConsoleLogging.encoder(context, FILE_PATTERN));
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(ConsoleLogging.console(context, "CONSOLE", "System.out"));
        root.addAppender(file);
        // OSHI logs every file it reads at DEBUG and harmless misses at INFO
        context.getLogger("oshi").setLevel(Level.WARN);
        if (!file.isStarted()) {
            throw new IOException("cannot write the log file in " + dir);
        }
    }
}
