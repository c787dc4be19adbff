package bg.digiclub.common.cards;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import bg.digiclub.common.batch.Require;

/**
 * {@code POST /api/v1/cards/sync}: what a PC sends. A PC that does not know its club's card key
 * yet (its first sync) sends no changes, no minutes and no visits: it cannot hash a code without the key.
 *
 * @param cursor       the highest {@link CardRecord#version} the PC has seen (0 at first)
 * @param day          the PC's calendar day the minutes are for
 * @param changes      the PC's changes the collector has not confirmed yet, one per card
 * @param minutesToday the PC's members' minutes on this PC today, one per card used today
 * @param visits       the days cards had a member session on this PC that the collector has not
 *                     confirmed yet (optional: absent is none; left out of the JSON when empty, so a
 *                     collector older than the field still takes a request without visits; the
 *                     collector is upgraded before its PCs, docs/protocol.md)
 */
public record CardSyncRequest(
        long cursor,
        LocalDate day,
        List<CardRecord> changes,
        List<CardMinutes> minutesToday,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CardVisit> visits) {
    /** At most this many changes in one request; a PC with more sends them over several rounds. */
    public static final int MAX_CHANGES = 500;
    /** At most this many cards' minutes from one PC in one day. */
    public static final int MAX_MINUTES = 2_000;
    /** At most this many visits in one request; a PC with more (weeks offline) sends them over several rounds. */
    public static final int MAX_VISITS = 1_000;

    public CardSyncRequest {
        Require.range(cursor, 0, Long.MAX_VALUE, "cursor");
        Require.present(day, "day");
        changes = Require.list(changes, MAX_CHANGES, "changes");
        minutesToday = Require.list(minutesToday, MAX_MINUTES, "minutesToday");
        Require.unique(changes, CardRecord::codeHash, "changes");
        Require.unique(minutesToday, CardMinutes::codeHash, "minutesToday");
        visits = visits == null ? List.of() : Require.list(visits, MAX_VISITS, "visits");
        Require.unique(visits, v -> v, "visits");
    }

    /** A request without visits (a PC with no member session to report, or before the field). */
    public CardSyncRequest(long cursor, LocalDate day, List<CardRecord> changes, List<CardMinutes> minutesToday) {
        this(cursor, day, changes, minutesToday, List.of());
    }
}
