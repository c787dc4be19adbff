/**
 * Member cards and the staff PIN of this PC: random card codes, PINs kept only as salted
 * PBKDF2 hashes ({@link bg.digiclub.support.secret.SlowHash}), lockout after repeated wrong PINs
 * ({@link bg.digiclub.agent.member.LockoutPolicy}), per-session and daily time allowances
 * ({@link bg.digiclub.agent.member.Allowances}).
 *
 * <p>{@link bg.digiclub.agent.member.MemberStore} is the interface the link uses, so that
 * club-wide cards can replace {@link bg.digiclub.agent.member.SqliteMemberStore} later.
 * Nothing here logs a PIN or a card code.
 */
package bg.digiclub.agent.member;
