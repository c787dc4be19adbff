package bg.digiclub.agent.link;

/**
 * At most one log line a minute about the same thing, counting the ones left out: what the
 * link says about a peer's doings must not grow with the peer's rate. Not thread-safe; the
 * owner synchronizes.
 */
final class LogPace {
    static final long INTERVAL_MILLIS = 60_000;

    private boolean logged;
    private long lastMillis;
    private long leftOut;

    /** -1 if a line was logged less than a minute ago (this one is counted), else how many were left out since. */
    long due(long nowMillis) {
        if (logged && nowMillis - lastMillis < INTERVAL_MILLIS && nowMillis >= lastMillis) {
            leftOut++;
            return -1;
        }
        long left = leftOut;
        logged = true;
        lastMillis = nowMillis;
        leftOut = 0;
        return left;
    }

    /** True if nothing was logged in the last minute. */
    boolean isQuiet(long nowMillis) {
        return !logged || nowMillis - lastMillis >= INTERVAL_MILLIS || nowMillis < lastMillis;
    }

    /** The tail of a log line that stands for others like it. */
    static String leftOut(long left) {
        return left > 0 ? " (and " + left + " more like it in the last minute, not logged)" : "";
    }
}
