package bg.digiclub.agent.upload;

/** Enrolment did not work; the message says why in words staff can act on. */
public final class EnrolmentException extends Exception {
    public EnrolmentException(String message) {
        super(message);
    }

    public EnrolmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
