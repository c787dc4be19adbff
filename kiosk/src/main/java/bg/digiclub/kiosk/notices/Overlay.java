package bg.digiclub.kiosk.notices;

import java.util.Objects;

import bg.digiclub.kiosk.i18n.Message;

/**
 * One notice drawn over everything: a title, a sentence, the button that answers it and, for an
 * offer, the one that declines it.
 *
 * @param decline null when there is only the one answer
 */
public record Overlay(Kind kind, Message title, Message body, Message confirm, Message decline) {
    public Overlay {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(confirm, "confirm");
    }

    /** What an overlay is about, most pressing first. */
    public enum Kind {
        /** A message from staff, shown until "OK". */
        MESSAGE,
        /** The agent said no to what the visitor just asked (more time, the mentor). */
        REFUSAL,
        /** The club closes in 10 (then 5) minutes. */
        CLOSING,
        /** The mentor has been called, or has seen the call and is coming. */
        HELP,
        /** The session is nearly over and nobody waits: N more minutes, once. */
        GRACE
    }
}
