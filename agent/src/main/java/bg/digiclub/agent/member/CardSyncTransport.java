package bg.digiclub.agent.member;

import java.io.IOException;
import java.util.Optional;

import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;

/** How {@link CardSync} reaches the collector: {@link HttpCardSyncTransport}, a fake in tests. */
@FunctionalInterface
public interface CardSyncTransport {
    /**
     * One {@code POST /api/v1/cards/sync}; empty when this PC is not enrolled (no collector to ask).
     *
     * @throws IOException the collector could not be reached or refused the request (the reason in the message)
     */
    Optional<CardSyncResponse> exchange(CardSyncRequest request) throws IOException;
}
