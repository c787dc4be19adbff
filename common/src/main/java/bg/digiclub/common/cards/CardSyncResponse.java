package bg.digiclub.common.cards;

import java.util.List;
import java.util.regex.Pattern;

import bg.digiclub.common.batch.Require;

/**
 * The collector's answer to {@link CardSyncRequest}.
 *
 * @param clubKey      the club's card key (32 random bytes, base64): the PC hashes codes with it
 * @param cursor       the highest version in {@code cards}, or the request's cursor if none: the PC's next cursor
 * @param cards        the club's cards changed after the request's cursor, and the
 *                     current record of every card the request changed (whether its change won or not)
 * @param more         more changes wait after {@code cursor}: sync again at once
 * @param otherPcsMinutes the club's minutes today per card on its PCs other than the asking one
 */
public record CardSyncResponse(
        String clubKey, long cursor, List<CardRecord> cards, boolean more, List<CardMinutes> otherPcsMinutes) {
    public static final Pattern CLUB_KEY = Pattern.compile("[A-Za-z0-9+/]{43}=");
    /** At most this many cards in one answer ({@code more} says the rest waits). */
    public static final int MAX_CARDS = 1_000;
    /** At most this many cards' minutes in one answer. */
    public static final int MAX_MINUTES = 20_000;

    public CardSyncResponse {
        Require.matches(clubKey, CLUB_KEY, "clubKey");
        Require.range(cursor, 0, Long.MAX_VALUE, "cursor");
        cards = Require.list(cards, MAX_CARDS + CardSyncRequest.MAX_CHANGES, "cards");
        otherPcsMinutes = Require.list(otherPcsMinutes, MAX_MINUTES, "otherPcsMinutes");
        Require.unique(cards, CardRecord::codeHash, "cards");
        Require.unique(otherPcsMinutes, CardMinutes::codeHash, "otherPcsMinutes");
    }
}
