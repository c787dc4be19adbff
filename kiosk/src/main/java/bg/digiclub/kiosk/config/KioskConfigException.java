package bg.digiclub.kiosk.config;

/** The kiosk configuration is unusable; the message names the file, the key and what is wrong. */
public class KioskConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KioskConfigException(String message) {
        super(message);
    }

    public KioskConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
