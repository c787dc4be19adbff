package bg.digiclub.kiosk.config;

import java.nio.file.Path;

/**
 * A section of the kiosk's configuration handed to another part (the launcher's {@code app.*})
 * is wrong; the message names the file, the key and what is wrong.
 */
public class ConfigKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String key;

    public ConfigKeyException(Path file, String key, String problem) {
        super(file + ": " + key + ": " + problem);
        this.file = file;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }
}
