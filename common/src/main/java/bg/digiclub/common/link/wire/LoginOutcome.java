package bg.digiclub.common.link.wire;

/**
 * Why a member login was or was not accepted. An unknown card code answers {@link #WRONG_PIN}, and
 * a blocked card {@link #DISABLED} only with its right PIN: nothing here tells which codes exist
 * (but {@link #LOCKED}, after five wrong PINs for the code).
 */
public enum LoginOutcome {
    OK,
    WRONG_PIN,
    LOCKED,
    DISABLED,
    NO_TIME_LEFT_TODAY
}
