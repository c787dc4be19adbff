package bg.digiclub.agent.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;

/**
 * The session ledger in memory. A fake at the edge: the real ledger is another engineer's
 * package ({@code bg.digiclub.agent.session}); the adapter to it is a few lines once merged.
 */
final class FakeLedger implements UsageSource {
    private final List<LedgerSession> sessions = new ArrayList<>();

    /** An ended guest session that opened tiles of {@code tiles}. */
    FakeLedger guest(Instant start, Duration length, AgeBand band, Sex sex, TileCategory... tiles) {
        sessions.add(new LedgerSession(
                VisitorKind.GUEST, null, new Demographics(band, sex), start, start.plus(length), false, Set.of(tiles)));
        return this;
    }

    /** A guest session still running, last seen {@code seenFor} after its start. */
    FakeLedger running(Instant start, Duration seenFor, AgeBand band, Sex sex, TileCategory... tiles) {
        sessions.add(new LedgerSession(
                VisitorKind.GUEST, null, new Demographics(band, sex), start, start.plus(seenFor), true, Set.of(tiles)));
        return this;
    }

    FakeLedger member(String code, Instant start, Duration length, AgeBand band, Sex sex) {
        sessions.add(new LedgerSession(
                VisitorKind.MEMBER, code, new Demographics(band, sex), start, start.plus(length), false, Set.of()));
        return this;
    }

    List<LedgerSession> all() {
        return List.copyOf(sessions);
    }

    @Override
    public List<LedgerSession> sessionsOverlapping(Instant from, Instant to) {
        return sessions.stream()
                .filter(s -> s.startedAt().isBefore(to) && !s.endedAt().isBefore(from))
                .toList();
    }
}
