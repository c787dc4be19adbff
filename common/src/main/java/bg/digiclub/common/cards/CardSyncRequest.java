package bg.digiclub.common.cards;

import java.time.LocalDate;
import java.util.List;

import bg.digiclub.common.batch.Require;

/**
 * {@code POST /api/v1/cards/sync}: what a PC sends. A PC that does not know its club's card key
 * yet (its first sync) sends no changes and no minutes: it cannot hash a code without the key.
 *
 * @param cursor       the highest {@link CardRecord#version} the PC has seen (0 at first)
 * @param day          the PC's calendar day the minutes are for
 * @param changes      the PC's changes the collector has not confirmed yet, one per card
 * @param minutesToday the PC's members' minutes on this PC today, one per card used today
 */
public record CardSyncRequest(long cursor, LocalDate day, List<CardRecord> changes, List<CardMinutes> minutesToday) {
    /** At most this many changes in one request; a PC with more sends them over several rounds. */
    public static final int MAX_CHANGES = 500;
    /** At most this many cards' minutes from one PC in one day. */
    public static final int MAX_MINUTES = 2_000;

    public CardSyncRequest {
        Require.range(cursor, 0, Long.MAX_VALUE, "cursor");
        Require.present(day, "day");
        changes = Require.list(changes, MAX_CHANGES, "changes");
        minutesToday = Require.list(minutesToday, MAX_MINUTES, "minutesToday");
        Require.unique(changes, CardRecord::codeHash, "changes");
        Require.unique(minutesToday, CardMinutes::codeHash, "minutesToday");
    }
}
