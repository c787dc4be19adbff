package bg.digiclub.common.batch;

import java.util.regex.Pattern;

/**
 * Limits both sides enforce. The agent must seal batches within them; the collector rejects
 * anything beyond them (413 for sizes, 400/422 for the rest).
 */
public final class BatchLimits {
    /** Largest request body on the wire (gzip-compressed or not), in bytes. */
    public static final int MAX_WIRE_BYTES = 256 * 1024;
    /** Largest request body after decompression, in bytes. */
    public static final int MAX_JSON_BYTES = 1024 * 1024;
    /** Longest period a batch may cover (45 days, so a month offline fits one usage batch). */
    public static final java.time.Duration MAX_PERIOD = java.time.Duration.ofDays(45);
    /** Most hour entries in one usage batch (45 days x 24). */
    public static final int MAX_HOURS = 45 * 24;
    /** Most day entries in one batch. */
    public static final int MAX_DAYS = 46;
    /** Most health snapshots in one health batch (one day at one per 15 minutes). */
    public static final int MAX_SNAPSHOTS = 96;
    /** Most checks in one snapshot or day. */
    public static final int MAX_CHECKS = 32;
    /** Upper bound of any plain count, to keep sums far from overflow. */
    public static final int MAX_COUNT = 1_000_000;
    /** Most sessions one PC can start in one hour (one per 6 seconds; anything more is a bug). */
    public static final int MAX_SESSIONS_PER_HOUR = 600;
    /** Most sessions one PC can start in one day. */
    public static final int MAX_SESSIONS_PER_DAY = 24 * MAX_SESSIONS_PER_HOUR;

    /**
     * A health check name: a lowercase word, optionally followed by a colon and a printable
     * ASCII qualifier without spaces (a mount point): {@code memory}, {@code cpu-temperature},
     * {@code disk:/}, {@code disk:C:\}.
     */
    public static final Pattern CHECK_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}(:[\\x21-\\x7e]{1,64})?");
    /** A club id chosen by the municipality: lowercase letters, digits and dashes. */
    public static final Pattern CLUB_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** The agent's version: {@code 1.4.0}, {@code 0.1.0-SNAPSHOT}. */
    public static final Pattern AGENT_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}");
    /** An IANA time zone id such as {@code Europe/Sofia}. */
    public static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_+-]{0,30}(/[A-Za-z0-9_+-]{1,30}){0,2}");
    /** A club's enrolment code as printed for staff: 12 characters of Crockford base32 in groups of 4. */
    public static final Pattern ENROLMENT_CODE =
            Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    /** A device bearer token: 32 random bytes in unpadded base64url. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /**
     * An enrolment's request key: 32 random bytes as 64 lowercase hex digits (hex like the batch
     * ids, so that no random value in an upload can spell a word, a name or an address).
     */
    public static final Pattern ENROLMENT_REQUEST_KEY = Pattern.compile("[0-9a-f]{64}");

    private BatchLimits() {}
}
