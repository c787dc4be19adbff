package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;

/**
 * Resets the visitor's whole home from a template, without making the next visitor wait for the
 * previous one's files to be deleted.
 *
 * <p>Beside the home, in its parent (which the visitor cannot write, checked at start-up), the
 * agent keeps a holding directory {@code .<home name>.reset}, root's, mode 0700: nothing in it can
 * be reached by the visitor whatever its own mode. A reset
 * <ol>
 * <li>builds the new home there from the template ({@code new-<id>}, the visitor's, 0700);</li>
 * <li>renames the old home into it ({@code old-<id>}): one {@code rename}, atomic, however big;</li>
 * <li>renames the new home into place, and answers;</li>
 * <li>deletes the old home in the background, never following a link ({@link ConfinedDeleter}).</li>
 * </ol>
 * Leftovers of a reset cut short (power loss) are deleted by {@link #purgeLeftovers()} at start.
 * A failed background deletion is reported by the next reset.
 *
 * <p>A home that is a mount point of its own (a size-capped tmpfs) cannot be renamed: its contents
 * are deleted in place and the template copied in, and the home is given to the visitor, mode
 * 0700, whatever the mount made of it. That is found once, in the mount table at the first reset
 * (or from the first rename refused with {@code EBUSY}); later resets go in place straight away.
 */
final class HomeReset {
    private static final Logger LOG = LoggerFactory.getLogger(HomeReset.class);
    static final String OLD_PREFIX = "old-";
    static final String NEW_PREFIX = "new-";
    /** Step name under which a failed background deletion is reported by the next reset. */
    static final String PURGE_STEP = VisitorAccount.HOME_STEP + "-purge";

    private final PosixAccount account;
    private final Path home;
    private final Path template;
    private final Path holding;
    private final boolean renameAside;
    private final ExecutorService purger = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "visitor-home-purge");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<WipeStepResult> purge = CompletableFuture.completedFuture(null);
    /** Why the home is reset in place (it is a mount point); null: not looked yet; empty: it is not. */
    private String inPlaceBecause;

    private final Path mountinfo;

    /**
     * @param home        the home's path, a directory (not a link) whose parent only root can write
     * @param renameAside false to always delete in place (tests of the fallback); a mount point is found by itself
     */
    HomeReset(PosixAccount account, Path home, Path template, boolean renameAside) {
        this(account, home, template, renameAside, MountTable.SELF);
    }

    /** @param mountinfo the mount table in which to look whether the home is a mount point */
    HomeReset(PosixAccount account, Path home, Path template, boolean renameAside, Path mountinfo) {
        this.mountinfo = mountinfo;
        this.account = account;
        this.home = home;
        this.template = template;
        this.holding = holdingDirectory(home);
        this.renameAside = renameAside;
    }

    /** Where old homes wait for deletion: beside the home, so that a rename moves them there. */
    static Path holdingDirectory(Path home) {
        return home.resolveSibling("." + home.getFileName() + ".reset");
    }

    /** Resets the home; the result of the previous background deletion comes first when it failed. */
    synchronized List<WipeStepResult> reset() {
        List<WipeStepResult> results = new ArrayList<>();
        WipeStepResult previous = purge.getNow(null);
        if (previous != null && !previous.ok()) {
            results.add(previous);
        }
        long start = System.nanoTime();
        WipeStepResult result;
        try {
            if (!renameAside) {
                result = resetInPlace("");
            } else if (!mountPointReason().isEmpty()) {
                result = resetInPlace(" (in place: " + inPlaceBecause + ")");
            } else {
                result = resetByRename();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Resetting {} failed", home, e);
            result = failed("failed: " + Tally.reason(e));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result.ok()) {
            LOG.info("Visitor home {}: {} ({} ms)", home, result.detail(), ms);
        } else {
            LOG.warn("Visitor home {} FAILED: {} ({} ms)", home, result.detail(), ms);
        }
        results.add(result);
        return results;
    }

    /** Looked up once: "" when the home is not a mount point, else what is mounted there. */
    private String mountPointReason() {
        if (inPlaceBecause == null) {
            try {
                inPlaceBecause = MountTable.at(MountTable.read(mountinfo), home)
                        .map(m -> "the home is a mount point, " + m.type()
                                + (m.source().isEmpty() ? "" : " " + m.source()))
                        .orElse("");
            } catch (IOException e) {
                // not fatal: a rename refused with EBUSY still sends the reset in place (and sets this)
                LOG.warn("Cannot read {} to see whether {} is a mount point: {}", mountinfo, home, Tally.reason(e));
                inPlaceBecause = "";
            }
            if (!inPlaceBecause.isEmpty()) {
                LOG.info("Visitor home {}: {}; every reset deletes its contents in place", home, inPlaceBecause);
            }
        }
        return inPlaceBecause;
    }

    private WipeStepResult resetByRename() throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        try {
            ensureHolding();
        } catch (IOException e) {
            LOG.warn("Cannot use {} ({}); deleting the home in place", holding, Tally.reason(e));
            return resetInPlace(" (in place: " + holding + ": " + Tally.reason(e) + ")");
        }
        Path fresh = holding.resolve(NEW_PREFIX + id);
        Tally tally = new Tally();
        int copied = 0;
        IOException buildProblem = null;
        try {
            copied = buildFresh(fresh, tally);
        } catch (IOException e) {
            // e.g. a full disk or a template gone: the old home must go all the same
            buildProblem = e;
        }
        Path aside = holding.resolve(OLD_PREFIX + id);
        boolean hadHome = true;
        try {
            Files.move(home, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            hadHome = false;
        } catch (AtomicMoveNotSupportedException e) {
            return inPlaceInstead(fresh, e);
        } catch (FileSystemException e) {
            // EBUSY: the home is a mount point; EXDEV: another file system
            if (e.getReason() == null
                    || !(e.getReason().contains("busy") || e.getReason().contains("cross-device"))) {
                throw e;
            }
            return inPlaceInstead(fresh, e);
        }
        String gone = hadHome ? "the previous home is out of reach, being deleted" : "there was no home";
        if (buildProblem != null) {
            if (Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(fresh, holding.resolve(OLD_PREFIX + id + "-partial"), StandardCopyOption.ATOMIC_MOVE);
            }
            purgeInBackground();
            Files.createDirectory(
                    home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            finishHome(home);
            return failed("template " + template + " not copied: " + Tally.reason(buildProblem) + "; " + gone
                    + "; the home is empty");
        }
        Files.move(fresh, home, StandardCopyOption.ATOMIC_MOVE);
        if (hadHome) {
            purgeInBackground();
        }
        String detail = "home replaced by a copy of " + template + " (" + copied + (copied == 1 ? " entry" : " entries")
                + "); " + gone;
        if (!tally.ok()) {
            return failed(detail + "; template: " + tally.detail());
        }
        return new WipeStepResult(VisitorAccount.HOME_STEP, true, detail);
    }

    private WipeStepResult inPlaceInstead(Path fresh, IOException why) throws IOException {
        // e.g. mounted after the first reset looked: said once, then in place without trying again
        LOG.warn(
                "Cannot rename {} aside ({}); deleting in place, now and at every later reset",
                home,
                Tally.reason(why));
        inPlaceBecause = "the home cannot be renamed: " + Tally.reason(why);
        Tally cleanup = new Tally();
        try (ConfinedDeleter deleter = new ConfinedDeleter(ConfinedDeleter.DEFAULT_PARALLELISM)) {
            deleter.remove(holding, fresh, cleanup);
        }
        return resetInPlace(" (in place: " + Tally.reason(why) + ")");
    }

    /** A new home of the visitor's, mode 0700, with the template's contents, at {@code fresh}. */
    private int buildFresh(Path fresh, Tally tally) throws IOException {
        Files.createDirectory(
                fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        int copied = HomeTemplate.copy(template, fresh, account, tally);
        finishHome(fresh);
        return copied;
    }

    private void finishHome(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        HomeTemplate.giveTo(dir, account);
    }

    /** Deletes the home's contents where they are (slow for a big home), then copies the template. */
    private WipeStepResult resetInPlace(String how) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(home, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isDirectory()) {
            return failed(home + " is not a directory; not touched" + how);
        }
        Tally tally = new Tally();
        try (ConfinedDeleter deleter = new ConfinedDeleter(ConfinedDeleter.DEFAULT_PARALLELISM)) {
            deleter.clear(home, home, Set.of(), null, tally);
        }
        if (!tally.ok()) {
            // Copying over leftovers could write through a link the visitor left; do not.
            return failed(tally.detail() + "; template not copied" + how);
        }
        int removed = tally.removedCount();
        int copied = HomeTemplate.copy(template, home, account, tally);
        finishHome(home);
        String detail = "deleted " + removed + " entries, copied " + copied + " from " + template + how;
        return tally.ok()
                ? new WipeStepResult(VisitorAccount.HOME_STEP, true, detail)
                : failed(detail + "; " + tally.detail());
    }

    /** The holding directory: root's, 0700, a real directory; made if missing. */
    private void ensureHolding() throws IOException {
        try {
            Files.createDirectory(
                    holding, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            BasicFileAttributes attrs =
                    Files.readAttributes(holding, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isDirectory()) {
                throw new IOException(holding + " is not a directory; remove it (only root can have made it)");
            }
        }
        // whatever the umask or an earlier hand made of it
        Files.setPosixFilePermissions(holding, PosixFilePermissions.fromString("rwx------"));
    }

    private WipeStepResult failed(String detail) {
        return new WipeStepResult(VisitorAccount.HOME_STEP, false, detail);
    }

    private void purgeInBackground() {
        purge = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return deleteHeld(heldEntries().stream()
                                .filter(p -> p.getFileName().toString().startsWith(OLD_PREFIX))
                                .toList());
                    } catch (IOException e) {
                        return purgeResult(false, "cannot list " + holding + ": " + Tally.reason(e));
                    }
                },
                purger);
    }

    /**
     * Deletes what a reset cut short left in the holding directory (old homes, half-built new ones).
     * Call once at start, before the first reset; runs in the background.
     */
    synchronized CompletableFuture<WipeStepResult> purgeLeftovers() {
        List<Path> leftovers;
        try {
            // listed now: a reset that starts meanwhile builds its new home under a name not in this list
            leftovers = heldEntries().stream()
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(OLD_PREFIX) || name.startsWith(NEW_PREFIX);
                    })
                    .toList();
        } catch (IOException e) {
            purge = CompletableFuture.completedFuture(failed("cannot list " + holding + ": " + Tally.reason(e)));
            return purge;
        }
        if (leftovers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("Deleting {} leftover(s) of an interrupted reset in {}", leftovers.size(), holding);
        purge = CompletableFuture.supplyAsync(() -> deleteHeld(leftovers), purger);
        return purge;
    }

    /** The background deletion of the last previous home (or of leftovers); null before any. */
    synchronized CompletableFuture<WipeStepResult> purge() {
        return purge;
    }

    private WipeStepResult deleteHeld(List<Path> entries) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        try (ConfinedDeleter deleter = new ConfinedDeleter(ConfinedDeleter.DEFAULT_PARALLELISM)) {
            for (Path entry : entries) {
                deleter.remove(holding, entry, tally);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // StackOverflowError: a tree nested deeper than the walk can follow
            tally.problem(holding + ": " + e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        WipeStepResult result = purgeResult(
                tally.ok(),
                (tally.ok() ? "previous home deleted: " : "deleting the previous home in " + holding + " failed: ")
                        + tally.detail());
        if (result.ok()) {
            LOG.info("{} ({} ms)", result.detail(), ms);
        } else {
            LOG.error("{} ({} ms)", result.detail(), ms);
        }
        return result;
    }

    private static WipeStepResult purgeResult(boolean ok, String detail) {
        return new WipeStepResult(PURGE_STEP, ok, detail);
    }

    private List<Path> heldEntries() throws IOException {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(holding, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(holding)) {
            s.forEach(entries::add);
        }
        return entries;
    }
}
