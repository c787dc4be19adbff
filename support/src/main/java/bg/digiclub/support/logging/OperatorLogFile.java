package bg.digiclub.support.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's logback configuration, when there is one: the file named by the system property
 * {@value #PROPERTY} (logback's own, {@code java -Dlogback.configurationFile=FILE ...}), else
 * {@link #DEFAULT} if it exists. It replaces the program's built-in set-up entirely (appenders,
 * levels, the agent's file and its caps): the operator's file is all there is. A property naming a
 * file that does not exist is still returned, so that the program says so instead of quietly
 * logging as if it had not been asked.
 */
public final class OperatorLogFile {
    /** Logback's system property naming its configuration file. */
    public static final String PROPERTY = "logback.configurationFile";

    /** Where an operator puts the file without touching the service's command line. */
    public static final Path DEFAULT = Path.of("/etc/digiclub/logback.xml");

    private OperatorLogFile() {}

    /** This process's choice: the system property, else {@link #DEFAULT} if it is a file. */
    public static Optional<Path> find() {
        return find(System.getProperty(PROPERTY), DEFAULT);
    }

    /**
     * @param property    the system property's value, null when unset
     * @param defaultFile the file looked for when the property is unset
     */
    public static Optional<Path> find(String property, Path defaultFile) {
        Objects.requireNonNull(defaultFile, "defaultFile");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property.strip()));
        }
        return Files.isRegularFile(defaultFile) ? Optional.of(defaultFile) : Optional.empty();
    }
}
