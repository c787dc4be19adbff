package bg.digiclub.common.config;

import java.util.Objects;

/**
 * A configuration key that has a new name. A file written for an older version still holds the
 * old name: it keeps working, with a warning that names the file, the old key and the new one.
 *
 * @param oldKey the name older versions read
 * @param newKey the name this version reads and documents
 */
public record RenamedKey(String oldKey, String newKey) {
    public RenamedKey {
        Objects.requireNonNull(oldKey, "oldKey");
        Objects.requireNonNull(newKey, "newKey");
        if (oldKey.equals(newKey)) {
            throw new IllegalArgumentException("a renamed key needs a new name, was '" + oldKey + "' twice");
        }
    }
}
