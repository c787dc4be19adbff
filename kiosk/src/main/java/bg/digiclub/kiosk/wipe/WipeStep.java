package bg.digiclub.kiosk.wipe;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One configured step of the privacy wipe; {@link #name()} is what the result reports. */
public sealed interface WipeStep {
    String name();

    /**
     * Removes the contents of each directory in {@code paths} (the directory itself stays), or the
     * entry itself when a path is a file or a link (e.g. {@code ~/.local/share/recently-used.xbel}).
     *
     * @param keep      names of top-level entries left in place in each path
     * @param ownedOnly remove only top-level entries owned by the visitor (for shared places like /tmp)
     */
    record ClearPaths(String name, List<Path> paths, Set<String> keep, boolean ownedOnly) implements WipeStep {
        public ClearPaths {
            Objects.requireNonNull(name, "name");
            paths = List.copyOf(paths);
            keep = Set.copyOf(keep);
        }
    }

    /** Empties the clipboard through the {@link bg.digiclub.kiosk.platform.ClipboardCleaner} given to the wipe. */
    record ClearClipboard(String name) implements WipeStep {
        public ClearClipboard {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Replaces the contents of the visitor's home with a copy of {@code template}.
     *
     * @param keep names of top-level entries of the home left in place (and not copied over)
     */
    record RestoreHome(String name, Path template, Path home, Set<String> keep) implements WipeStep {
        public RestoreHome {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(home, "home");
            keep = Set.copyOf(keep);
        }
    }
}
