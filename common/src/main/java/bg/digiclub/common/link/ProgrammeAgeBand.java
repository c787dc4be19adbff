package bg.digiclub.common.link;

import java.util.Optional;

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
    NOT_DECLARED;

    private final AgeRange range;

    ProgrammeAgeBand(int from, int to) {
        this.range = new AgeRange(from, to);
    }

    ProgrammeAgeBand() {
        this.range = null;
    }

    /** The programme band a declared band rolls up to; {@link #NOT_DECLARED} for an undeclared age. */
    public static ProgrammeAgeBand of(AgeBand band) {
        Optional<AgeRange> ages = band.range();
        if (ages.isEmpty()) {
            return NOT_DECLARED;
        }
        for (ProgrammeAgeBand p : values()) {
            if (p.range != null && p.range.contains(ages.get())) {
                return p;
            }
        }
        throw new IllegalStateException(band + " straddles the programme's bands");
    }

    /** The ages in the band; empty for {@link #NOT_DECLARED}. */
    public Optional<AgeRange> range() {
        return Optional.ofNullable(range);
    }
}
