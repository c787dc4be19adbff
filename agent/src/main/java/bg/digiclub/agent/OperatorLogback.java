package bg.digiclub.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;

import bg.digiclub.support.logging.OperatorLogFile;

/**
 * The operator's logback file ({@link OperatorLogFile}: {@code -Dlogback.configurationFile}, else
 * {@code /etc/digiclub/logback.xml}) in place of the agent's own set-up, for every command: the
 * console logging before the service and the service's capped file alike. A file that cannot be
 * used (missing, not XML, an error in it) is reported and the built-in set-up is used, so the
 * agent never runs blind. The context remembers that the operator's file is in use
 * ({@link #PROPERTY}), so that {@code agent run} leaves it as it is.
 */
final class OperatorLogback {
    /** Set on the logging context to the file's path when the operator's file configured it. */
    static final String PROPERTY = "digiclub.operatorLogFile";

    private OperatorLogback() {}

    /**
     * Configures {@code context} from {@code file}, replacing whatever it had; empty when done, else
     * why not (the context is then reset, for the built-in set-up).
     */
    static Optional<String> configure(LoggerContext context, Path file) {
        context.reset();
        if (!Files.isRegularFile(file)) {
            return Optional.of(file + " does not exist");
        }
        long since = System.currentTimeMillis();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        try {
            joran.doConfigure(file.toFile());
        } catch (JoranException e) {
            context.reset();
            return Optional.of(file + ": " + e.getMessage());
        }
        Optional<String> error = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR && s.getTimestamp() >= since)
                .map(s -> file + ": " + s.getMessage())
                .findFirst();
        if (error.isPresent()) {
            context.reset();
            return error;
        }
        context.putProperty(PROPERTY, file.toString());
        return Optional.empty();
    }

    /** True if the operator's file configured {@code context}. */
    static boolean inUse(LoggerContext context) {
        return context.getProperty(PROPERTY) != null;
    }
}
