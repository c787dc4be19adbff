package bg.digiclub.common.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A configuration file is missing, unreadable or holds a bad value. The message names the
 * file, the key and what is wrong, so that it can be shown as it is to whoever started the
 * program. Every program words it the same way: {@code <file>: key '<key>': <what is wrong>}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String message) {
        super(message);
        this.key = null;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
    }

    private ConfigException(String source, String key, String problem) {
        super(source + ": key '" + key + "': " + problem);
        this.key = key;
    }

    /**
     * An error about one key.
     *
     * @param source  where the key was read: the file, or an environment variable
     * @param key     the key as it is written there
     * @param problem what is wrong, in words for whoever edits the file
     */
    public static ConfigException atKey(String source, String key, String problem) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(problem, "problem");
        return new ConfigException(source, key, problem);
    }

    /** The key the error is about, when it is about one. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
