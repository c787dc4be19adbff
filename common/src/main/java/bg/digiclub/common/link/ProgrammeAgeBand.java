package bg.digiclub.common.link;

import java.util.OptionalInt;

/**
 * The age bands the Recovery and Resilience programme's indicators break visits and people down
 * by, as far as they are known (0–17, 18–29, 30–54, 55+). Each {@link AgeBand} falls in exactly
 * one, so counts by our bands roll up to these exactly ({@link #of}).
 */
public enum ProgrammeAgeBand {
    AGE_0_17(0, 17),
    AGE_18_29(18, 29),
    AGE_30_54(30, 54),
    AGE_55_PLUS(55, Integer.MAX_VALUE),
    NOT_DECLARED(-1, -1);

    private final int from;
    private final int to;

    ProgrammeAgeBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The programme band a declared band rolls up to; {@link #NOT_DECLARED} for an undeclared age. */
    public static ProgrammeAgeBand of(AgeBand band) {
        if (band == AgeBand.NOT_DECLARED) {
            return NOT_DECLARED;
        }
        for (ProgrammeAgeBand p : values()) {
            if (p != NOT_DECLARED && p.from <= band.from().getAsInt() && band.to().getAsInt() <= p.to) {
                return p;
            }
        }
        throw new IllegalStateException(band + " straddles the programme's bands");
    }

    /** The youngest age in the band; empty for {@link #NOT_DECLARED}. */
    public OptionalInt from() {
        return this == NOT_DECLARED ? OptionalInt.empty() : OptionalInt.of(from);
    }

    /** The oldest age in the band ({@link Integer#MAX_VALUE}: no upper end); empty for {@link #NOT_DECLARED}. */
    public OptionalInt to() {
        return this == NOT_DECLARED ? OptionalInt.empty() : OptionalInt.of(to);
    }
}
