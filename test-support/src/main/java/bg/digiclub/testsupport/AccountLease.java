package bg.digiclub.testsupport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One test JVM at a time on a machine uses a real OS account that the tests create for the
 * visitor ({@code digiclub-visitor}, {@code digiclub-visitor-test}). The agent under test ends
 * every program of such an account, resets its home and mounts for it: two builds on one machine
 * (two checkouts) would end each other's programs and fail at random. The first use in a JVM
 * takes a lock in {@code /run/lock} and keeps it until the JVM exits (the kernel lets it go
 * then, however the JVM ends); another JVM waits for it there.
 */
public final class AccountLease {
    private static final Path LOCKS = Path.of("/run/lock");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Map<String, FileLock> HELD = new HashMap<>();

    private AccountLease() {}

    /** Returns once this JVM alone uses {@code account} on this machine, until it exits. */
    public static synchronized void hold(String account) throws IOException {
        Objects.requireNonNull(account, "account");
        if (!ACCOUNT_NAME.matcher(account).matches()) {
            throw new IllegalArgumentException("not an account name: " + account);
        }
        if (HELD.containsKey(account)) {
            return;
        }
        Files.createDirectories(LOCKS);
        FileChannel channel = FileChannel.open(
                LOCKS.resolve("test-account-" + account + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        HELD.put(account, channel.lock());
    }
}
