package bg.digiclub.collector.live;

/** Where a command is, as the club page shows it. */
public enum CommandState {
    /** Stored; the PC has not got it yet (it is off, or it is on its way). */
    PENDING,
    /** Sent on the PC's live connection; no answer yet. Sent again on the next connection. */
    SENT,
    /** The PC answered DONE. */
    DONE,
    /** The PC answered REFUSED (the detail says why). */
    REFUSED,
    /** The PC answered FAILED. */
    FAILED,
    /** It was no longer meaningful before the PC got it (a message to a PC that was off). */
    EXPIRED
}
