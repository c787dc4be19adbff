package bg.digiclub.agent.usage;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;

/**
 * One session as the ledger knows it, as much as the aggregation needs.
 *
 * @param kind         guest or member
 * @param memberCode   the member's card code (MEMBER only, else null); used only to count distinct
 *                     members on the PC, never copied into a batch; {@link #toString()} leaves it out
 * @param demographics what the visitor declared
 * @param startedAt    when it started
 * @param endedAt      when it ended, or its last heartbeat while it runs (or if the PC died)
 * @param running      the session is still open: the day it started is not complete until it ends
 * @param tiles        the launcher tile categories it opened (each once), counted on the day it started
 */
public record LedgerSession(
        VisitorKind kind,
        String memberCode,
        Demographics demographics,
        Instant startedAt,
        Instant endedAt,
        boolean running,
        Set<TileCategory> tiles) {
    public LedgerSession {
        tiles = Set.copyOf(Objects.requireNonNull(tiles, "tiles"));
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if ((kind == VisitorKind.MEMBER) != (memberCode != null)) {
            throw new IllegalArgumentException("memberCode must be set for MEMBER and only for MEMBER");
        }
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("session ends before it starts");
        }
    }

    /** Whether it started in {@code [from, to)}: an hour or a day counts the sessions it started. */
    public boolean startedIn(Instant from, Instant to) {
        return !startedAt.isBefore(from) && startedAt.isBefore(to);
    }

    @Override
    public String toString() {
        return "LedgerSession[" + kind + ", " + demographics + ", " + startedAt + " - " + endedAt
                + (running ? " (running)" : "") + ", tiles " + tiles + "]";
    }
}
