package bg.digiclub.agent.usage;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.session.SessionRecord;
import bg.digiclub.common.link.TileCategory;

/**
 * The session ledger as the aggregation reads it. An open session counts until its last
 * heartbeat ({@link SessionRecord#effectiveEnd()}): what a power cut leaves is what we know.
 */
public final class LedgerUsageSource implements UsageSource {
    private final SessionLedger ledger;

    public LedgerUsageSource(SessionLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * The sessions first, their tile categories second: a session read as ended can open no more
     * tiles, so nothing it opened is missed.
     */
    @Override
    public List<LedgerSession> sessionsOverlapping(Instant from, Instant to) throws SQLException {
        List<SessionRecord> sessions = ledger.sessionsOverlapping(from, to);
        Map<String, Set<TileCategory>> tiles = ledger.tileCategoriesOverlapping(from, to);
        return sessions.stream()
                .map(r -> toLedgerSession(r, tiles.getOrDefault(r.id(), Set.of())))
                .toList();
    }

    static LedgerSession toLedgerSession(SessionRecord r, Set<TileCategory> tiles) {
        return new LedgerSession(
                r.kind(), r.memberCode(), r.demographics(), r.startedAt(), r.effectiveEnd(), r.isOpen(), tiles);
    }
}
