/**
 * Club-wide member cards between a club PC's agent and the collector ({@code docs/privacy.md},
 * "Member cards"): one {@code POST /api/v1/cards/sync} per round, authorised by the device's bearer
 * token; the club is the device's. The request carries the PC's card changes since its last sync
 * and its members' minutes today; the answer the club's changes since the PC's cursor, the club's
 * card key and the club's minutes today on the other PCs.
 *
 * <p>A card travels only as the keyed hash of its code (HMAC-SHA256 under the club's card key,
 * {@link bg.digiclub.common.cards.CardRecord#CODE_HASH}) and the slow hash of its PIN: never its
 * code, never a name. Last change wins ({@link bg.digiclub.common.cards.CardRecord#changedAt}); the
 * collector numbers the changes it accepts per club ({@link bg.digiclub.common.cards.CardRecord#version}),
 * and a PC's cursor is the highest number it has seen. Written and read with
 * {@code common.batch.StrictJson}, checked in the compact constructors like the batch's records.
 */
package bg.digiclub.common.cards;
