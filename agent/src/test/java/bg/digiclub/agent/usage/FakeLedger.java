package bg.digiclub.agent.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;

/**
 * The session ledger in memory. A fake at the edge: the real ledger is another engineer's
 * package ({@code bg.digiclub.agent.session}); the adapter to it is a few lines once merged.
 */
final class FakeLedger implements UsageSource {
    private final List<LedgerSession> sessions = new ArrayList<>();

    FakeLedger guest(Instant start, Duration length, AgeBand band, Sex sex) {
        sessions.add(new LedgerSession(VisitorKind.GUEST, null, new Demographics(band, sex), start, start.plus(length)));
        return this;
    }

    FakeLedger member(String code, Instant start, Duration length, AgeBand band, Sex sex) {
        sessions.add(new LedgerSession(VisitorKind.MEMBER, code, new Demographics(band, sex), start, start.plus(length)));
        return this;
    }

    List<LedgerSession> all() {
        return List.copyOf(sessions);
    }

    @Override
    public List<LedgerSession> sessionsOverlapping(Instant from, Instant to) {
        return sessions.stream().filter(s -> s.startedAt().isBefore(to) && !s.endedAt().isBefore(from)).toList();
    }
}
