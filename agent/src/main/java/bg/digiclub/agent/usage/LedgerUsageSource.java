package bg.digiclub.agent.usage;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.session.SessionRecord;

/**
 * The session ledger as the aggregation reads it. An open session counts until its last
 * heartbeat ({@link SessionRecord#effectiveEnd()}): what a power cut leaves is what we know.
 */
public final class LedgerUsageSource implements UsageSource {
    private final SessionLedger ledger;

    public LedgerUsageSource(SessionLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public List<LedgerSession> sessionsOverlapping(Instant from, Instant to) throws SQLException {
        return ledger.sessionsOverlapping(from, to).stream().map(LedgerUsageSource::toLedgerSession).toList();
    }

    static LedgerSession toLedgerSession(SessionRecord r) {
        return new LedgerSession(r.kind(), r.memberCode(), r.demographics(), r.startedAt(), r.effectiveEnd());
    }
}
