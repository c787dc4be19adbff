package bg.digiclub.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * Switches logging to the service configuration (console + size-capped rolling file in the
 * configured log directory). The log directory is only known after the configuration is read,
 * so this runs then, not from a static initializer.
 */
final class ServiceLogging {
    private ServiceLogging() {
    }

    static void start(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("LOG_DIR", logDir.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(ServiceLogging.class.getClassLoader().getResource("logback-service.xml"));
        } catch (JoranException e) {
            throw new IOException("cannot configure logging in " + logDir + ": " + e.getMessage(), e);
        }
    }
}
