/**
 * The club's member cards on this PC and the staff PIN of this PC. The club's cards are kept here
 * as this PC's offline replica ({@link bg.digiclub.agent.member.ClubCardReplica}), in step with the
 * club's through the collector ({@link bg.digiclub.agent.member.CardSync}; docs/privacy.md, "Member
 * cards"): random card codes, PINs kept only as salted PBKDF2 hashes
 * ({@link bg.digiclub.support.secret.SlowHash}), lockout after repeated wrong PINs
 * ({@link bg.digiclub.agent.member.LockoutPolicy}), per-session and daily time allowances counted
 * over the club's PCs ({@link bg.digiclub.agent.member.Allowances}).
 *
 * <p>{@link bg.digiclub.agent.member.MemberStore} is the interface the link uses. Nothing here logs
 * a PIN or a card code.
 */
package bg.digiclub.agent.member;
