package bg.digiclub.agent.visitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one step did: entries removed, and the first few problems (all of them counted). Thread-safe. */
final class Tally {
    private static final int PROBLEMS_KEPT = 3;

    private int removed;
    private int problemCount;
    private final List<String> problems = new ArrayList<>();

    synchronized void removed() {
        removed++;
    }

    void problem(Path where, Exception e) {
        problem(where + ": " + reason(e));
    }

    synchronized void problem(String text) {
        problemCount++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(text);
        }
    }

    synchronized int removedCount() {
        return removed;
    }

    synchronized boolean ok() {
        return problemCount == 0;
    }

    /** A short line for {@code WipeStepResult.detail}. */
    synchronized String detail() {
        String done = "removed " + removed + (removed == 1 ? " entry" : " entries");
        if (ok()) {
            return done;
        }
        String more = problemCount > problems.size() ? " (and " + (problemCount - problems.size()) + " more)" : "";
        return done + "; " + problemCount + " failed: " + String.join("; ", problems) + more;
    }

    /** The exception's gist without its class name noise: "Permission denied", "Directory not empty". */
    static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "directory not empty";
        }
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
