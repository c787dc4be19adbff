package bg.digiclub.agent.member;

/** A member operation that could not be done, and why. Messages never contain a code or PIN. */
public class MemberStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public MemberStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public MemberStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** What went wrong. */
    public enum Reason {
        /** No card has this code. */
        UNKNOWN_CARD,
        /** The member has declared age band and sex before. */
        ALREADY_DECLARED,
        /** The store failed (database error); nothing was changed. */
        STORAGE
    }
}
