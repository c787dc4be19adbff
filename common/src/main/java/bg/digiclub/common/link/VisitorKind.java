package bg.digiclub.common.link;

/** Who started a session: an anonymous guest or a holder of a member card. */
public enum VisitorKind {
    GUEST,
    MEMBER
}
