package bg.digiclub.kiosk.wipe;

import java.nio.file.Path;

/** The wipe's configuration is wrong; the message names the file, the key and what is wrong. */
public class WipeConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String key;

    public WipeConfigException(Path file, String key, String problem) {
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
