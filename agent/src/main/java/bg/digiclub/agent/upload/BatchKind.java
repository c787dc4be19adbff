package bg.digiclub.agent.upload;

/**
 * What a batch holds. The order is the eviction order when the outbox is over its bounds:
 * health data goes first, usage data (the programme's reporting) last.
 */
public enum BatchKind {
    HEALTH, USAGE
}
