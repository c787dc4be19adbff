package bg.digiclub.kiosk.launcher;

import java.nio.file.Path;

/** The launcher's configuration is wrong; the message names the file, the key and what is wrong. */
public class AppConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String key;

    public AppConfigException(Path file, String key, String problem) {
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
