package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.platform.ClipboardCleaner;

/**
 * Runs the steps of a {@link WipeConfig} in order. Each step reports ok or why not; a failing
 * step never stops the ones after it, and nothing outside the allowed roots is touched (see
 * {@link ConfinedDeleter}). Run it after the session's processes have ended, so no program is
 * writing while the wipe deletes.
 *
 * <p>With {@code wipe.trash} configured, the top-level entries of each path are renamed into the
 * trash (instant; the visitor's files are out of every configured place when {@link #run()}
 * returns) and deleted there by a background thread; {@link #purge()} tells when and how that
 * ended. A failed background purge is reported as step {@code trash} by the next run, which also
 * waits for a purge still going and deletes what an interrupted one left.
 */
public final class ConfiguredPrivacyWipe implements PrivacyWipe {
    /** Step name under which a failed background purge is reported by the next run. */
    public static final String TRASH_STEP = "trash";

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredPrivacyWipe.class);

    private final WipeConfig config;
    private final ClipboardCleaner clipboard;
    private final int parallelism;
    private final ExecutorService purger;
    private volatile CompletableFuture<WipeStepResult> purge = CompletableFuture.completedFuture(null);

    /**
     * @param clipboard clears the clipboard for the {@code clipboard} step: the platform's
     *                  ({@code Platforms.current().clipboardCleaner()}) or the UI's JavaFX one
     */
    public ConfiguredPrivacyWipe(WipeConfig config, ClipboardCleaner clipboard) {
        this(config, clipboard, ConfinedDeleter.DEFAULT_PARALLELISM);
    }

    /**
     * @param parallelism how many files are unlinked at once (the benchmark compares settings)
     */
    public ConfiguredPrivacyWipe(WipeConfig config, ClipboardCleaner clipboard, int parallelism) {
        this.config = Objects.requireNonNull(config, "config");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
        this.purger = config.trash() == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wipe-trash-purge");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<WipeStepResult> run() {
        List<WipeStepResult> results = new ArrayList<>();
        WipeStepResult previous = purge.join();
        if (previous != null && !previous.ok()) {
            results.add(previous);
        }
        Quarantine quarantine = openTrash();
        try (ConfinedDeleter deleter = new ConfinedDeleter(parallelism)) {
            for (WipeStep step : config.steps()) {
                results.add(runLogged(step, deleter, quarantine));
            }
        } finally {
            closeTrash(quarantine);
        }
        if (purger != null) {
            purge = CompletableFuture.supplyAsync(this::purgeTrash, purger);
        }
        return results;
    }

    /**
     * The background deletion of what the last {@link #run()} moved to the trash: its result
     * (step {@value #TRASH_STEP}), or null when there is no trash or nothing has run yet.
     */
    public CompletableFuture<WipeStepResult> purge() {
        return purge;
    }

    private WipeStepResult runLogged(WipeStep step, ConfinedDeleter deleter, Quarantine quarantine) {
        long start = System.nanoTime();
        WipeStepResult result;
        try {
            result = runStep(step, deleter, quarantine);
        } catch (RuntimeException | StackOverflowError e) {
            // StackOverflowError: a tree nested deeper than the walk can follow. Report, go on.
            LOG.error("Wipe step {} failed", step.name(), e);
            result = new WipeStepResult(step.name(), false, "failed: " + e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.ok()) {
            LOG.info("Wipe step {}: {} ({} ms)", step.name(), result.detail(), millis);
        } else {
            LOG.warn("Wipe step {} FAILED: {} ({} ms)", step.name(), result.detail(), millis);
        }
        return result;
    }

    private WipeStepResult runStep(WipeStep step, ConfinedDeleter deleter, Quarantine quarantine) {
        if (step instanceof WipeStep.ClearPaths paths) {
            return clearPaths(paths, deleter, quarantine);
        }
        if (step instanceof WipeStep.ClearClipboard) {
            try {
                clipboard.clear();
                return new WipeStepResult(step.name(), true, "cleared");
            } catch (IOException e) {
                return new WipeStepResult(step.name(), false, e.getMessage());
            }
        }
        return restoreHome((WipeStep.RestoreHome) step, deleter, quarantine);
    }

    private WipeStepResult clearPaths(WipeStep.ClearPaths step, ConfinedDeleter deleter, Quarantine quarantine) {
        Tally tally = new Tally();
        Predicate<String> owners = step.ownedOnly() ? config.visitorUser()::equals : null;
        for (Path path : step.paths()) {
            deleter.clear(rootOf(path), path, keepTrash(path, step.keep()), owners, quarantine, tally);
        }
        return new WipeStepResult(step.name(), tally.ok(), tally.detail());
    }

    private WipeStepResult restoreHome(WipeStep.RestoreHome step, ConfinedDeleter deleter, Quarantine quarantine) {
        Tally tally = new Tally();
        Set<String> keep = keepTrash(step.home(), step.keep());
        deleter.clear(step.home(), step.home(), keep, null, quarantine, tally);
        if (!tally.ok()) {
            // Copying over leftovers could write through a link the visitor left; do not.
            return new WipeStepResult(step.name(), false, tally.detail() + "; template not copied");
        }
        try {
            HomeTemplate.copy(step.template(), step.home().toRealPath(), keep, tally);
        } catch (IOException e) {
            tally.problem("copying " + step.template() + ": " + Tally.reason(e));
        }
        return new WipeStepResult(step.name(), tally.ok(), tally.detail() + (tally.ok() ? ", template copied" : ""));
    }

    /** The trash lives directly in the home: a step clearing the home must leave it alone. */
    private Set<String> keepTrash(Path path, Set<String> keep) {
        Path trash = config.trash();
        if (trash == null || !path.equals(trash.getParent())) {
            return keep;
        }
        Set<String> withTrash = new HashSet<>(keep);
        withTrash.add(trash.getFileName().toString());
        return withTrash;
    }

    private Quarantine openTrash() {
        if (config.trash() == null) {
            return null;
        }
        try {
            return Quarantine.open(config.trash().getParent(), config.trash().getFileName());
        } catch (IOException | RuntimeException e) {
            // Deleting in place is slower but just as thorough.
            LOG.warn("Cannot use the trash {} ({}); deleting in place", config.trash(), Tally.reason(e));
            return null;
        }
    }

    private static void closeTrash(Quarantine quarantine) {
        if (quarantine != null) {
            try {
                quarantine.close();
            } catch (IOException e) {
                LOG.debug("Closing the trash", e);
            }
        }
    }

    private WipeStepResult purgeTrash() {
        long start = System.nanoTime();
        Tally tally = new Tally();
        try (ConfinedDeleter deleter = new ConfinedDeleter(parallelism)) {
            deleter.clear(rootOf(config.trash()), config.trash(), Set.of(), null, null, tally);
        } catch (RuntimeException | StackOverflowError e) {
            tally.problem(config.trash() + ": " + e);
        }
        WipeStepResult result = new WipeStepResult(TRASH_STEP, tally.ok(), tally.detail());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.ok()) {
            LOG.info("Trash purged in the background: {} ({} ms)", result.detail(), millis);
        } else {
            LOG.warn("Trash purge FAILED: {} ({} ms)", result.detail(), millis);
        }
        return result;
    }

    private Path rootOf(Path path) {
        // WipeConfig guarantees one; the longest match is the most specific root.
        return config.allowedRoots().stream()
                .filter(path::startsWith)
                .max((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()))
                .orElseThrow(() -> new IllegalStateException(path + " is outside the allowed roots"));
    }
}
