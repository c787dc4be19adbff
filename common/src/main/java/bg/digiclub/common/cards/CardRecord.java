package bg.digiclub.common.cards;

import java.time.Instant;
import java.util.regex.Pattern;

import bg.digiclub.common.batch.Require;
import bg.digiclub.common.link.Demographics;

/**
 * One member card as it moves between a PC and the collector: never its code, never a name.
 *
 * @param codeHash     HMAC-SHA256 of the card's code under the club's card key, 64 lowercase hex digits
 * @param pinHash      the PIN's slow hash as the agent makes it ({@code support.secret.SlowHash})
 * @param demographics the age band and sex the member declared once, or null before that
 * @param disabled     the card is refused from now on (final: no change enables it again)
 * @param changedAt    when the card last changed, by the clock of the PC or collector that changed it
 *                     (whole milliseconds): the later change wins
 * @param version      the collector's number of the change (club-wide, increasing); in a PC's request
 *                     the version its change was based on (0 for a card the collector has not seen)
 */
public record CardRecord(
        String codeHash, String pinHash, Demographics demographics, boolean disabled, Instant changedAt, long version) {
    public static final Pattern CODE_HASH = Pattern.compile("[0-9a-f]{64}");
    /** {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, base64 without padding. */
    public static final Pattern PIN_HASH =
            Pattern.compile("pbkdf2-sha256\\$[0-9]{1,9}\\$[A-Za-z0-9+/]{1,64}\\$[A-Za-z0-9+/]{1,128}");

    public CardRecord {
        Require.matches(codeHash, CODE_HASH, "codeHash");
        Require.matches(pinHash, PIN_HASH, "pinHash");
        Require.present(changedAt, "changedAt");
        if (changedAt.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("changedAt must be whole milliseconds, was " + changedAt);
        }
        Require.range(version, 0, Long.MAX_VALUE, "version");
    }
}
