package bg.digiclub.common.link;

import java.util.OptionalInt;

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
    NOT_DECLARED(-1, -1);

    private final int from;
    private final int to;

    AgeBand(int from, int to) {
        this.from = from;
        this.to = to;
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
