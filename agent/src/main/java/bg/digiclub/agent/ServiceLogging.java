package bg.digiclub.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.logging.RepeatedMessageFilter;
import bg.digiclub.agent.logging.SizeCapTrigger;
import bg.digiclub.support.logging.JournalStream;

/**
 * Logging of the running agent: console plus a size-capped rolling file, {@code agent.log} in
 * the configured log directory, rolled at {@value #MAX_FILE_MB} MB with {@value #KEPT_FILES}
 * compressed files kept. The cap holds whatever the rate: the file is measured before every
 * event ({@link SizeCapTrigger}), one message template is written at most
 * {@value #PER_MINUTE} times a minute ({@link RepeatedMessageFilter}), and messages and stack
 * traces are cut to length. So the directory never holds more than about
 * {@code (KEPT_FILES + 2) * MAX_FILE_MB} (the live file, the kept ones, and a file being
 * compressed) — 70 MB. The log directory is only known once the configuration is read, so this
 * runs then. Configured in code for the reason given in {@link ConsoleLogging}. Under systemd the
 * console alone (see {@link #configure}); an operator's logback file replaces all of it
 * ({@link OperatorLogback}).
 */
final class ServiceLogging {
    static final int MAX_FILE_MB = 10;
    static final int KEPT_FILES = 5;
    static final int PER_MINUTE = 30;
    static final String FILE_NAME = "agent.log";
    /** Under systemd: the level and the logger; journald keeps the time, the unit and the priority's order. */
    static final String JOURNAL_PATTERN = "%-5level %logger{0} - %msg%n%ex";

    private static final String FILE_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n%ex";

    /**
     * How much log is kept and how often one message may repeat.
     *
     * @param maxFileBytes a file is rolled when it reaches this size
     * @param keptFiles    rolled files kept (compressed) beside the live one
     * @param perMinute    how often one message template is written per minute
     */
    record Limits(long maxFileBytes, int keptFiles, int perMinute) {
        static final Limits AGENT = new Limits(MAX_FILE_MB * 1024L * 1024L, KEPT_FILES, PER_MINUTE);
    }

    private ServiceLogging() {}

    static void start(Path logDir) throws IOException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (OperatorLogback.inUse(context)) {
            // the operator's file is all there is: its appenders, its levels
            return;
        }
        configure(context, logDir, Limits.AGENT, System::currentTimeMillis, JournalStream.connected());
        // OSHI logs every file it reads at DEBUG and harmless misses at INFO
        context.getLogger("oshi").setLevel(Level.WARN);
    }

    /**
     * Replaces {@code context}'s configuration with the agent's: console and the capped file in
     * {@code logDir}; under systemd ({@code journal}: the console is the journal's stream) the
     * console alone, so that the journal gets each line once and no second copy fills the disk.
     */
    static void configure(LoggerContext context, Path logDir, Limits limits, LongSupplier millis, boolean journal)
            throws IOException {
        Files.createDirectories(logDir);
        context.reset();
        RepeatedMessageFilter repeats = new RepeatedMessageFilter(limits.perMinute(), millis);
        repeats.setContext(context);
        repeats.start();
        context.addTurboFilter(repeats);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if (journal) {
            // journald stamps each line with its time and the unit: the line needs neither
            root.addAppender(ConsoleLogging.console(context, "CONSOLE", "System.out", JOURNAL_PATTERN));
            return;
        }
        String dir = logDir.toAbsolutePath().toString();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/" + FILE_NAME);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/agent.%i.log.gz");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(limits.keptFiles());
        rolling.start();
        SizeCapTrigger<ILoggingEvent> trigger = new SizeCapTrigger<>(limits.maxFileBytes());
        trigger.setContext(context);
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(ConsoleLogging.encoder(context, FILE_PATTERN));
        file.start();

        root.addAppender(ConsoleLogging.console(context, "CONSOLE", "System.out"));
        root.addAppender(file);
        if (!file.isStarted()) {
            throw new IOException("cannot write the log file in " + dir);
        }
    }
}
