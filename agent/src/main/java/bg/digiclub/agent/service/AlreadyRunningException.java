package bg.digiclub.agent.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Another agent service holds the data directory's {@link InstanceLock}: this one must not start.
 * Thrown to the command line, which tells the person who started it; the service itself prints nothing.
 */
public final class AlreadyRunningException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param dataDir the data directory another agent is running on */
    public AlreadyRunningException(Path dataDir) {
        super("another agent is already running on " + Objects.requireNonNull(dataDir, "dataDir"));
    }
}
