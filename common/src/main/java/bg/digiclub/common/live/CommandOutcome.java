package bg.digiclub.common.live;

/** How the agent answered a command. */
public enum CommandOutcome {
    /** Done, as asked. */
    DONE,
    /** Not done, by the same rule the staff panel follows (no session to extend, a session runs, ...); the detail says which. */
    REFUSED,
    /** Tried and failed (the PC could not be shut down), or interrupted by the agent's restart: never tried again. */
    FAILED
}
