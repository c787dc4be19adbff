package bg.digiclub.common.link.wire;

/** The visitor's call for help, as the kiosk shows it. */
public enum HelpState {
    /** Not called (or answered long enough ago). */
    NONE,
    /** Called; no staff answered yet (shown on the mentor's club page and the PC's tile). */
    CALLED,
    /** Staff saw it: "the mentor is coming". */
    SEEN
}
