package bg.digiclub.agent.member;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Where the session authority records that a member card had a session on one of this PC's days
 * ({@link ClubCardReplica}: sent to the collector with the card sync, for distinct members per period).
 */
@FunctionalInterface
public interface MemberVisits {
    /** Nothing recorded. */
    MemberVisits NONE = (cardCode, day) -> {};

    /**
     * A member session of this card (its code as typed) started on {@code day}; once a day is enough,
     * more is harmless.
     */
    void visited(String cardCode, LocalDate day) throws SQLException;
}
