package bg.digiclub.common.link;

/** Sex as declared voluntarily by the visitor, for the programme's anonymous statistics. */
public enum Sex {
    FEMALE,
    MALE,
    NOT_DECLARED
}
