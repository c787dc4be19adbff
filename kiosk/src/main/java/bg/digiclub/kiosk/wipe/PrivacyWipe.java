package bg.digiclub.kiosk.wipe;

import java.util.List;

import bg.digiclub.common.link.WipeStepResult;

/**
 * Removes what a visitor left behind (browser profiles, downloads, documents, temp, clipboard,
 * recent files, optionally the whole home from a template), touching nothing outside the
 * configured paths: symlinks and {@code ..} are never followed out.
 */
public interface PrivacyWipe {
    /** Runs every configured step; one failing step does not stop the others. */
    List<WipeStepResult> run();
}
