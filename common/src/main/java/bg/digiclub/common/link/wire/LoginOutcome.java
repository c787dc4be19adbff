package bg.digiclub.common.link.wire;

/** Why a member login was or was not accepted. */
public enum LoginOutcome {
    OK, WRONG_PIN, LOCKED, UNKNOWN_CARD, DISABLED, NO_TIME_LEFT_TODAY
}
