package bg.digiclub.installer.linux;

/** A step of the installer could not be done; the message says which and why, in words staff can act on. */
public final class InstallException extends Exception {
    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
