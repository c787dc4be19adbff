package bg.digiclub.agent.visitor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's own entries in directories every account may write ({@code /tmp},
 * {@code /var/tmp}, {@code /dev/shm}): browsers and office programs leave downloads, sockets and
 * shared memory there. Only top-level entries owned by the visitor go, deleted in place with the
 * link-proof walk; everyone else's stay.
 */
final class SharedTempDirs {
    /** Step name of {@link #clear()}'s result. */
    static final String STEP = "visitor-temp";

    private final PosixAccount account;
    private final List<Path> dirs;

    SharedTempDirs(PosixAccount account, List<Path> dirs) {
        this.account = account;
        this.dirs = List.copyOf(dirs);
    }

    boolean isEmpty() {
        return dirs.isEmpty();
    }

    WipeStepResult clear() {
        Tally tally = new Tally();
        try (ConfinedDeleter deleter = new ConfinedDeleter(ConfinedDeleter.DEFAULT_PARALLELISM)) {
            for (Path dir : dirs) {
                // owner() names the account, or gives the bare uid when it has no name
                deleter.clear(
                        dir,
                        dir,
                        Set.of(),
                        owner -> owner.equals(account.name()) || owner.equals(Integer.toString(account.uid())),
                        tally);
            }
        } catch (RuntimeException | StackOverflowError e) {
            tally.problem("failed: " + e);
        }
        return new WipeStepResult(STEP, tally.ok(), tally.detail() + " of " + account.name() + " in " + dirs);
    }
}
