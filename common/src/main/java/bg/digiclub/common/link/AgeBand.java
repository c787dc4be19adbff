package bg.digiclub.common.link;

import java.util.Optional;

/**
 * The age bands a visitor may declare (voluntarily; {@link #NOT_DECLARED} otherwise). Finer than
 * the programme's indicator bands ({@link ProgrammeAgeBand}) and cut at the same ages, so that
 * every count rolls up to them exactly: no band of ours straddles one of theirs.
 */
public enum AgeBand {
    /** Children: the clubs' youngest visitors, who come with school or family. */
    AGE_0_15(0, 15),
    AGE_16_17(16, 17),
    AGE_18_24(18, 24),
    AGE_25_29(25, 29),
    AGE_30_54(30, 54),
    AGE_55_64(55, 64),
    AGE_65_74(65, 74),
    AGE_75_PLUS(75, Integer.MAX_VALUE),
    NOT_DECLARED;

    private final AgeRange range;

    AgeBand(int from, int to) {
        this.range = new AgeRange(from, to);
    }

    AgeBand() {
        this.range = null;
    }

    /** The ages in the band; empty for {@link #NOT_DECLARED}. */
    public Optional<AgeRange> range() {
        return Optional.ofNullable(range);
    }
}
