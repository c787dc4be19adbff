package bg.digiclub.common.live;

/**
 * The club's member cards changed on the collector: the agent syncs its cards now
 * (over {@code POST /api/v1/cards/sync}, not over this channel) instead of at its next round.
 */
public record CardsChanged(long cursor) implements LiveMessage {}
