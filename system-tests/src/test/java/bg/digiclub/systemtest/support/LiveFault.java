package bg.digiclub.systemtest.support;

/** What {@link LiveProxy} does to the live channel at the next command or answer. */
public enum LiveFault {
    /**
     * The next command the collector sends goes down to the agent, then the connection is cut
     * (TCP reset, both ways): whatever the agent answers is lost with the connection.
     */
    CUT_AFTER_COMMAND,
    /**
     * The agent's next answer ({@code ack}) is swallowed and the connection cut before it reaches
     * the collector: the agent acted, the collector still waits for the answer.
     */
    DROP_ANSWER,
    /**
     * As {@link #DROP_ANSWER}, and the PC is off the network from then on until {@link
     * LiveProxy#online()}: the test can restart the agent before it gets the command again.
     */
    DROP_ANSWER_THEN_OFFLINE
}
