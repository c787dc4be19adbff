package bg.digiclub.agent.usage;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The session ledger, as the aggregation reads it. An adapter over {@code bg.digiclub.agent.session}. */
public interface UsageSource {
    /** Sessions that started before {@code to} and ended (or were last seen) at or after {@code from}. */
    List<LedgerSession> sessionsOverlapping(Instant from, Instant to) throws SQLException;
}
