package bg.digiclub.systemtest.support;

/** What {@link FaultProxy} does with one request to the collector's batch intake. */
public enum Fault {
    /** Forwards the request and passes the collector's answer back. */
    PASS,
    /** Answers 500 with a problem body; the collector never sees the request. */
    SERVER_ERROR,
    /** Forwards (the collector stores the batch), then answers 500: the agent must send it again. */
    STORED_THEN_SERVER_ERROR,
    /** Answers 429 rate-limited with {@code Retry-After: 120}; not forwarded. */
    RATE_LIMITED,
    /** Reads half of the body, then resets the connection (TCP RST); not forwarded. */
    RESET_MID_UPLOAD,
    /** Forwards (stored), then resets the connection instead of answering. */
    STORED_THEN_RESET,
    /** Forwards (stored), then answers only after the agent's call timeout has run out. */
    STORED_THEN_TIMEOUT,
    /** Forwards and answers, slowly but within the agent's call timeout. */
    SLOW,
    /** Answers bytes that are not HTTP at all, then closes; not forwarded. */
    GARBAGE_RESPONSE,
    /** Answers 502 with an HTML body, as a reverse proxy does; not forwarded. */
    BAD_GATEWAY_HTML,
    /** Forwards (stored) and answers 200 with a body that is not JSON. */
    STORED_THEN_GARBAGE_200,
    /** Delivers the request to the collector twice (a duplicate on the way) and answers the second reply. */
    DUPLICATE,
    /** Forwards (stored), then holds the answer until released: the agent is killed meanwhile. */
    STORED_THEN_HOLD
}
