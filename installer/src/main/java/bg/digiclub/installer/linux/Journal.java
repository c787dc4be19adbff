package bg.digiclub.installer.linux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The step journal of one install: every change the installer makes is recorded with how to
 * take it back, under the name of the step that made it. A failed install undoes them, last
 * first; a change the installer did not need to make (already so) is not recorded, so an undo
 * never touches what was there before.
 */
public final class Journal {
    /** How to take one change back. */
    @FunctionalInterface
    public interface Undo {
        void run() throws Exception;
    }

    private record Entry(String step, String what, Undo undo) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();
    private final List<Undo> onCommit = new ArrayList<>();
    private String step = "start";

    /** The step now running; changes recorded from now on belong to it. */
    public void step(String name) {
        step = name;
    }

    public String currentStep() {
        return step;
    }

    /** Records a change just made. */
    public void record(String what, Undo undo) {
        entries.push(new Entry(step, what, undo));
        log.add(step + ": " + what);
    }

    /** Something to do once every step went through (drop the old copies kept for an undo). */
    public void onCommit(Undo action) {
        onCommit.add(action);
    }

    /** Every step went through: nothing will be undone; the copies kept for it are dropped. */
    public List<String> commit() {
        entries.clear();
        List<String> failed = new ArrayList<>();
        for (Undo a : onCommit) {
            try {
                a.run();
            } catch (Exception ex) {
                failed.add(ex.getMessage());
            }
        }
        onCommit.clear();
        return failed;
    }

    /** Every change made so far, in order ("step: what"). */
    public List<String> changes() {
        return List.copyOf(log);
    }

    /** Takes every recorded change back, last first; answers the undos that failed (empty: all undone). */
    public List<String> undoAll() {
        List<String> failed = new ArrayList<>();
        while (!entries.isEmpty()) {
            Entry e = entries.pop();
            try {
                e.undo().run();
            } catch (Exception ex) {
                failed.add(e.step() + ": could not undo \"" + e.what() + "\": " + ex.getMessage());
            }
        }
        return failed;
    }
}
