package bg.digiclub.collector.cards;

/**
 * Told after the club's cards changed (committed), so that the club's PCs can be asked to sync at
 * once instead of at their next round: the server wires it to the live channel's
 * {@code LiveHub.cardsChanged}. Must not block: it is called on the request's thread.
 */
@FunctionalInterface
public interface CardsNotifier {
    /** Nobody to tell: the PCs find the change at their next round. */
    CardsNotifier NONE = (clubId, cursor) -> {};

    /** @param cursor the club's newest card version */
    void cardsChanged(String clubId, long cursor);
}
