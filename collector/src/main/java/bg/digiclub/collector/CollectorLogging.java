package bg.digiclub.collector;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

import bg.digiclub.support.logging.OperatorLogFile;

/**
 * Which logback configuration the collector reads: the operator's file when there is one
 * ({@code -Dlogback.configurationFile=FILE}, else {@code /etc/digiclub/logback.xml}, as for the
 * agent), else the built-in {@code logback.xml}: the console (standard error) alone, so that under
 * systemd the journal gets each line once and no file keeps a second copy. Found by logback through
 * {@code META-INF/services}; it only points logback's own configurator at the file (by its system
 * property) and lets it do the reading, so the collector has no XML handling of its own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CollectorLogging extends ContextAwareBase implements Configurator {
    private final Path defaultFile;

    public CollectorLogging() {
        this(OperatorLogFile.DEFAULT);
    }

    /** With another place of the operator's file than {@code /etc/digiclub/logback.xml} (tests). */
    CollectorLogging(Path defaultFile) {
        this.defaultFile = Objects.requireNonNull(defaultFile, "defaultFile");
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Optional<Path> operator = OperatorLogFile.find(System.getProperty(OperatorLogFile.PROPERTY), defaultFile);
        operator.ifPresent(file -> System.setProperty(OperatorLogFile.PROPERTY, file.toString()));
        // logback's own configurator reads the property's file, else logback.xml from the jar
        return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
}
