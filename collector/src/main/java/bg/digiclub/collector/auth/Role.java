package bg.digiclub.collector.auth;

/** What a dashboard user may see. */
public enum Role {
    /** Every club of the municipality. */
    MUNICIPALITY,
    /** One club only. */
    CLUB_STAFF
}
