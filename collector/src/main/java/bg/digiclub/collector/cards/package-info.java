/**
 * Club-wide member cards on the collector (docs/privacy.md, "Member cards"): the club's card key,
 * the cards as the keyed hash of their code and the slow hash of their PIN ({@link
 * bg.digiclub.collector.cards.ClubCards}), the agents' {@code POST /api/v1/cards/sync} ({@link
 * bg.digiclub.collector.cards.CardSyncIntake}) and what the club's cards page does ({@link
 * bg.digiclub.collector.cards.CardDesk}); the days each card had a visit ({@code card_visits}, kept
 * {@link bg.digiclub.collector.cards.CardVisitRetention}). Its tables stand apart from the statistics:
 * the only report reading them counts distinct members ({@code report.programme.MemberFigures}). A
 * change is announced through {@link bg.digiclub.collector.cards.CardsNotifier} (the
 * live channel tells the club's PCs to sync at once).
 */
package bg.digiclub.collector.cards;
