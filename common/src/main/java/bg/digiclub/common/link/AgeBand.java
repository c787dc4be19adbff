package bg.digiclub.common.link;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The age bands a visitor may declare (voluntarily; {@link #NOT_DECLARED} otherwise). Fine enough,
 * and cut at 15, 18, 30 and 55, so that counts by them roll up exactly to the programme's indicator
 * bands (0–17, 18–29, 30–54, 55+ as far as they are known; the collector's {@code report.age-bands})
 * and to its youth band 15–29: no band the kiosk offers straddles one of theirs.
 *
 * <p>Two bands are <b>legacy</b> ({@link #legacy()}): {@link #AGE_0_15} and {@link #AGE_16_17}, what
 * the kiosk offered before the cut at 15 (issue 14). The kiosk no longer offers them, but they stay
 * valid forever: agents not yet upgraded still send them in batches, and member cards declared
 * before keep them. Both lie within the programme's 0–17; {@link #AGE_0_15} straddles the youth
 * band's start (15), so a report never counts it as youth, while {@link #AGE_16_17} lies wholly inside.
 */
public enum AgeBand {
    // In order of the first age, each legacy band beside the bands that replaced it: the agent
    // writes a day's cells in this order, so the legacy bands keep their places among the others
    // and a batch of an older agent's content is written as it always was.

    /** Children: the clubs' youngest visitors, who come with school or family. */
    AGE_0_14(0, 14, false),
    /** Legacy (offered until issue 14): under 16. Replaced by {@link #AGE_0_14} and {@link #AGE_15_17}. */
    AGE_0_15(0, 15, true),
    /** Teenagers: youth (15–29) and under 18 both. */
    AGE_15_17(15, 17, false),
    /** Legacy (offered until issue 14): 16–17. Replaced by {@link #AGE_15_17}. */
    AGE_16_17(16, 17, true),
    AGE_18_24(18, 24, false),
    AGE_25_29(25, 29, false),
    AGE_30_54(30, 54, false),
    AGE_55_64(55, 64, false),
    AGE_65_74(65, 74, false),
    AGE_75_PLUS(75, Integer.MAX_VALUE, false),
    NOT_DECLARED;

    private static final List<AgeBand> OFFERED =
            Arrays.stream(values()).filter(b -> !b.legacy).toList();

    private final AgeRange range;
    private final boolean legacy;

    AgeBand(int from, int to, boolean legacy) {
        this.range = new AgeRange(from, to);
        this.legacy = legacy;
    }

    AgeBand() {
        this.range = null;
        this.legacy = false;
    }

    /** The ages in the band; empty for {@link #NOT_DECLARED}. */
    public Optional<AgeRange> range() {
        return Optional.ofNullable(range);
    }

    /**
     * Whether the band is one the kiosk no longer offers: still read from older agents' batches and
     * older cards, never chosen anew.
     */
    public boolean legacy() {
        return legacy;
    }

    /** The bands a visitor may choose today, in order, {@link #NOT_DECLARED} last. */
    public static List<AgeBand> offered() {
        return OFFERED;
    }
}
