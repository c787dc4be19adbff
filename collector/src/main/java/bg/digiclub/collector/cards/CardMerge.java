package bg.digiclub.collector.cards;

import java.time.Instant;

import bg.digiclub.common.cards.CardRecord;

/**
 * Which of two records of one card stands: the later change wins (a tie goes to the change arriving
 * now: the same change sent again changes nothing, a second change within the millisecond of one
 * source is its newer one), with
 * two facts that no later change takes back, because nothing may undo them: a disabled card stays
 * disabled, and a member's declaration stays declared.
 */
final class CardMerge {
    private CardMerge() {}

    /** The record that stands after {@code change} meets {@code stored} (null: the card is new). */
    static CardRecord merge(CardRecord stored, CardRecord change, long version) {
        if (stored == null) {
            return withVersion(change, version);
        }
        boolean changeWins = !change.changedAt().isBefore(stored.changedAt());
        CardRecord winner = changeWins ? change : stored;
        CardRecord loser = changeWins ? stored : change;
        Instant changedAt = winner.changedAt().isAfter(loser.changedAt()) ? winner.changedAt() : loser.changedAt();
        return new CardRecord(
                winner.codeHash(),
                winner.pinHash(),
                winner.demographics() != null ? winner.demographics() : loser.demographics(),
                winner.disabled() || loser.disabled(),
                changedAt,
                version);
    }

    /** True if the merged record says something the stored one did not (its version aside). */
    static boolean differs(CardRecord stored, CardRecord merged) {
        return stored == null || !withVersion(stored, 0).equals(withVersion(merged, 0));
    }

    private static CardRecord withVersion(CardRecord card, long version) {
        return new CardRecord(
                card.codeHash(), card.pinHash(), card.demographics(), card.disabled(), card.changedAt(), version);
    }
}
