package bg.digiclub.agent.member;

import java.util.List;

import bg.digiclub.common.link.Demographics;

/**
 * The member cards a PC accepts: the club's, kept in this PC's database as its offline replica
 * ({@link SqliteMemberStore}, synced by {@link CardSync}).
 *
 * <p>Card codes are accepted as typed (spaces and dashes ignored). PIN arrays are not kept and
 * not cleared: the caller clears them.
 */
public interface MemberStore {

    /**
     * Checks a card code and PIN. Too many wrong PINs lock the code for a while; a right PIN
     * also answers how long a session may last now.
     */
    MemberLoginResult login(String cardCode, char[] pin) throws MemberStoreException;

    /**
     * Records the member's one-time declaration of age band and sex ("prefer not to say" is a
     * declaration too).
     *
     * @throws MemberStoreException {@link MemberStoreException.Reason#UNKNOWN_CARD}, or
     *                              {@link MemberStoreException.Reason#ALREADY_DECLARED}
     */
    void declare(String cardCode, Demographics demographics) throws MemberStoreException;

    /**
     * Every card, for the staff panel: by its code where this PC made it, else by a reference
     * ({@code #} and the first digits of the code's keyed hash) that {@link #resetPin} and
     * {@link #disable} take as well.
     */
    List<MemberCard> list() throws MemberStoreException;

    /** A new card with a new random code and PIN; the PIN is in the answer only. */
    NewCard create() throws MemberStoreException;

    /** Gives the card a new random PIN and lifts any lockout; returns the PIN. */
    char[] resetPin(String cardCode) throws MemberStoreException;

    /** The card is refused from now on (kept for the usage history). Disabling twice is fine. */
    void disable(String cardCode) throws MemberStoreException;
}
