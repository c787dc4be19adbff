package bg.digiclub.agent.usage;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.session.SessionRecord;

/**
 * The session ledger as the aggregation reads it. An open session counts until its last
 * heartbeat ({@link SessionRecord#effectiveEnd()}): what a power cut leaves is what we know.
 */
public final class LedgerUsageSource implements UsageSource {
    /** The aggregation never looks further back than the sealer's catch-up horizon. */
    static final Duration HORIZON = Duration.ofDays(45);

    private final SessionLedger ledger;
    private final Clock clock;

    public LedgerUsageSource(SessionLedger ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<LedgerSession> sessionsOverlapping(Instant from, Instant to) throws SQLException {
        return ledger.sessionsOverlapping(from, to).stream().map(LedgerUsageSource::toLedgerSession).toList();
    }

    @Override
    public Optional<Instant> earliestSessionStart() throws SQLException {
        Instant now = clock.instant();
        return ledger.sessionsOverlapping(now.minus(HORIZON), now).stream()
                .map(SessionRecord::startedAt)
                .min(Instant::compareTo);
    }

    static LedgerSession toLedgerSession(SessionRecord r) {
        return new LedgerSession(r.kind(), r.memberCode(), r.demographics(), r.startedAt(), r.effectiveEnd());
    }
}
