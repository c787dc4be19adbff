package bg.digiclub.agent.service;

import java.io.IOException;

/**
 * A directory the agent keeps its data or logs in is reachable by another account: the agent
 * does not start (exit status {@value #EXIT_STATUS}), and the message names the directory,
 * what is wrong and the fix.
 */
public final class UnsafeDirectoryException extends IOException {
    /** The exit status of {@code agent} when it refuses a directory. */
    public static final int EXIT_STATUS = 3;

    private static final long serialVersionUID = 1L;

    public UnsafeDirectoryException(String message) {
        super(message);
    }
}
