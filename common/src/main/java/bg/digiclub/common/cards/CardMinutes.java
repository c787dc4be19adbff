package bg.digiclub.common.cards;

import bg.digiclub.common.batch.Require;

/**
 * A card's session minutes today (the club's day): on the sending PC in a request, on the club's
 * other PCs together in an answer.
 */
public record CardMinutes(String codeHash, int minutes) {
    public CardMinutes {
        Require.matches(codeHash, CardRecord.CODE_HASH, "codeHash");
        Require.range(minutes, 0, 24 * 60, "minutes");
    }
}
