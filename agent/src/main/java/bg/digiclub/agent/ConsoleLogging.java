package bg.digiclub.agent;

import java.nio.file.Path;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import bg.digiclub.agent.logging.CappedThrowableConverter;
import bg.digiclub.agent.logging.SafeMessageConverter;
import bg.digiclub.support.logging.OperatorLogFile;

/**
 * Logging before (and without) the service: warnings to stderr only, so that the output of
 * {@code status}, {@code history} and {@code alerts} stays clean. {@code agent run} switches to
 * {@link ServiceLogging}.
 *
 * <p>An operator's logback file ({@code -Dlogback.configurationFile}, else
 * {@code /etc/digiclub/logback.xml}) replaces all of this and the service's set-up
 * ({@link OperatorLogback}).
 *
 * <p>Configured in code (found by logback through {@code META-INF/services}) rather than XML:
 * logback's XML configurator loads some 500 classes, a tenth of the agent's resident memory
 * budget, for a configuration of ten lines.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss} %-5level %logger{0} - %msg%n%ex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Optional<Path> operator = OperatorLogFile.find();
        Optional<String> failure = operator.flatMap(file -> OperatorLogback.configure(context, file));
        if (operator.isPresent() && failure.isEmpty()) {
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stderr = console(context, "STDERR", "System.err");
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        failure.ifPresent(
                why -> root.error("the operator's logging configuration is not used: {}; logging as built in", why));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name, String target) {
        return console(context, name, target, PATTERN);
    }

    static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name, String target, String pattern) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setTarget(target);
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    /**
     * An encoder for {@code pattern} whose {@code %msg} and {@code %ex} are the agent's
     * ({@link SafeMessageConverter}, {@link CappedThrowableConverter}): cut to length, line
     * breaks in messages escaped, whatever text a client sent ends up in them.
     */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        for (String word : new String[] {"m", "msg", "message"}) {
            layout.getInstanceConverterMap().put(word, SafeMessageConverter::new);
        }
        for (String word : new String[] {"ex", "exception", "throwable"}) {
            layout.getInstanceConverterMap().put(word, CappedThrowableConverter::new);
        }
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
