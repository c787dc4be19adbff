package bg.digiclub.common.config;

/**
 * A configuration file is missing, unreadable or holds a bad value. The message names the
 * file, the key and what is wrong, so that it can be shown as it is to whoever started the
 * program.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
