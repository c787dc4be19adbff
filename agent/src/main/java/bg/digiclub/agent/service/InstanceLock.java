package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Makes sure only one agent service runs on a data directory: two writers of the same
 * database would fight over it. The lock is released by the OS when the process dies, so a
 * killed agent never blocks the next start.
 */
public final class InstanceLock implements AutoCloseable {
    public static final String FILE_NAME = "agent.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty if another agent holds it. */
    public static Optional<InstanceLock> tryAcquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel =
                FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new InstanceLock(channel, lock));
    }

    /** True if an agent service is running on {@code dataDir} right now. */
    public static boolean isHeld(Path dataDir) throws IOException {
        if (!Files.exists(dataDir.resolve(FILE_NAME))) {
            return false;
        }
        Optional<InstanceLock> probe = tryAcquire(dataDir);
        probe.ifPresent(InstanceLock::close);
        return probe.isEmpty();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases it with the process anyway
        }
    }
}
