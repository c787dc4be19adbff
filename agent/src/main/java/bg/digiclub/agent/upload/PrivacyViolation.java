package bg.digiclub.agent.upload;

/** A payload held something that must not leave the PC; the message says what kind of thing, not its value. */
public final class PrivacyViolation extends RuntimeException {
    public PrivacyViolation(String message) {
        super(message);
    }
}
