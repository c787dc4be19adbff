package bg.digiclub.common.batch;

import java.util.Locale;

/**
 * A club's enrolment code as staff type it: spaces ignored, any case, the dashes optional. One
 * reading for the agent (before it asks the collector) and the installer (before it installs
 * anything), so that a mistyped code is refused at once, saying what a code looks like.
 */
public final class EnrolmentCode {
    /** What a code looks like, for error messages. */
    public static final String LOOKS_LIKE =
            "an enrolment code looks like 7KQ2-M9XD-4TRB (12 letters and digits, no I, L, O or U)";

    private EnrolmentCode() {}

    /**
     * The code in its canonical form ({@link BatchLimits#ENROLMENT_CODE}).
     *
     * @throws IllegalArgumentException saying what a code looks like (never echoing the code)
     */
    public static String normalize(String typed) {
        String c = typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (c.length() == 12 && !c.contains("-")) {
            c = c.substring(0, 4) + "-" + c.substring(4, 8) + "-" + c.substring(8);
        }
        if (!BatchLimits.ENROLMENT_CODE.matcher(c).matches()) {
            throw new IllegalArgumentException(LOOKS_LIKE + "; this one does not");
        }
        return c;
    }
}
