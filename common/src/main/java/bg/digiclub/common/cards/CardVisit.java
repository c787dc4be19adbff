package bg.digiclub.common.cards;

import java.time.LocalDate;

import bg.digiclub.common.batch.Require;

/**
 * A member card had a session on the sending PC on one of the club's days: what lets the collector
 * count distinct members of a period (a card on several PCs, or several times a day, is one visit of
 * that day there). Only the card's keyed hash and a day: never a time, a PC or a code.
 *
 * @param codeHash the card's keyed hash ({@link CardRecord#CODE_HASH})
 * @param day      the PC's calendar day the member session started on
 */
public record CardVisit(String codeHash, LocalDate day) {
    public CardVisit {
        Require.matches(codeHash, CardRecord.CODE_HASH, "codeHash");
        Require.present(day, "day");
    }
}
