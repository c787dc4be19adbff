package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 */
public final class ConfiguredPrivacyWipe implements PrivacyWipe {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredPrivacyWipe.class);

    private final WipeConfig config;
    private final ClipboardCleaner clipboard;
    private final int parallelism;

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
    }

    @Override
    public List<WipeStepResult> run() {
        List<WipeStepResult> results = new ArrayList<>();
        try (ConfinedDeleter deleter = new ConfinedDeleter(parallelism)) {
            for (WipeStep step : config.steps()) {
                results.add(runLogged(step, deleter));
            }
        }
        return results;
    }

    private WipeStepResult runLogged(WipeStep step, ConfinedDeleter deleter) {
        long start = System.nanoTime();
        WipeStepResult result;
        try {
            result = runStep(step, deleter);
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

    private WipeStepResult runStep(WipeStep step, ConfinedDeleter deleter) {
        if (step instanceof WipeStep.ClearPaths paths) {
            return clearPaths(paths, deleter);
        }
        if (step instanceof WipeStep.ClearClipboard) {
            try {
                clipboard.clear();
                return new WipeStepResult(step.name(), true, "cleared");
            } catch (IOException e) {
                return new WipeStepResult(step.name(), false, e.getMessage());
            }
        }
        return restoreHome((WipeStep.RestoreHome) step, deleter);
    }

    private WipeStepResult clearPaths(WipeStep.ClearPaths step, ConfinedDeleter deleter) {
        Tally tally = new Tally();
        Predicate<String> owners = step.ownedOnly() ? config.visitorUser()::equals : null;
        for (Path path : step.paths()) {
            deleter.clear(rootOf(path), path, step.keep(), owners, tally);
        }
        return new WipeStepResult(step.name(), tally.ok(), tally.detail());
    }

    private WipeStepResult restoreHome(WipeStep.RestoreHome step, ConfinedDeleter deleter) {
        Tally tally = new Tally();
        deleter.clear(step.home(), step.home(), step.keep(), null, tally);
        if (!tally.ok()) {
            // Copying over leftovers could write through a link the visitor left; do not.
            return new WipeStepResult(step.name(), false, tally.detail() + "; template not copied");
        }
        try {
            HomeTemplate.copy(step.template(), step.home().toRealPath(), step.keep(), tally);
        } catch (IOException e) {
            tally.problem("copying " + step.template() + ": " + Tally.reason(e));
        }
        return new WipeStepResult(step.name(), tally.ok(), tally.detail() + (tally.ok() ? ", template copied" : ""));
    }

    private Path rootOf(Path path) {
        // WipeConfig guarantees one; the longest match is the most specific root.
        return config.allowedRoots().stream()
                .filter(path::startsWith)
                .max((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()))
                .orElseThrow(() -> new IllegalStateException(path + " is outside the allowed roots"));
    }
}
