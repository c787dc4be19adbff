package bg.digiclub.collector.report.programme;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * One club's distinct members in a day range: the cards with at least one visit, in all and by the
 * age band and sex the card's holder declared (a card never declared counts as not declared in
 * both). Each card has one declaration, so the breakdown adds up to {@code distinct}.
 *
 * @param distinct     the cards with a visit
 * @param bySexOfBand  per our age band, the cards per {@link Sex#ordinal()}; bands without cards absent
 */
public record MemberCounts(long distinct, Map<AgeBand, long[]> bySexOfBand) {
    public MemberCounts {
        if (distinct < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + distinct);
        }
        Map<AgeBand, long[]> copy = new EnumMap<>(AgeBand.class);
        long sum = 0;
        for (Map.Entry<AgeBand, long[]> e :
                Objects.requireNonNull(bySexOfBand, "bySexOfBand").entrySet()) {
            long[] bySex = e.getValue();
            if (bySex.length != Sex.values().length) {
                throw new IllegalArgumentException("one count per sex, got " + bySex.length);
            }
            for (long n : bySex) {
                if (n < 0) {
                    throw new IllegalArgumentException("a count cannot be negative: " + n);
                }
                sum += n;
            }
            copy.put(Objects.requireNonNull(e.getKey(), "band"), bySex.clone());
        }
        if (sum != distinct) {
            throw new IllegalArgumentException("the breakdown adds up to " + sum + ", not " + distinct);
        }
        bySexOfBand = copy;
    }

    /** No card. */
    public static final MemberCounts NONE = new MemberCounts(0, Map.of());

    /** The cards of one band and sex. */
    public long of(AgeBand band, Sex sex) {
        long[] bySex = bySexOfBand.get(band);
        return bySex == null ? 0 : bySex[sex.ordinal()];
    }

    @Override
    public Map<AgeBand, long[]> bySexOfBand() {
        Map<AgeBand, long[]> copy = new EnumMap<>(AgeBand.class);
        bySexOfBand.forEach((band, bySex) -> copy.put(band, bySex.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MemberCounts other) || distinct != other.distinct) {
            return false;
        }
        for (AgeBand band : AgeBand.values()) {
            for (Sex sex : Sex.values()) {
                if (of(band, sex) != other.of(band, sex)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        long h = distinct;
        for (AgeBand band : AgeBand.values()) {
            for (Sex sex : Sex.values()) {
                h = h * 31 + of(band, sex);
            }
        }
        return Long.hashCode(h);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MemberCounts[" + distinct);
        bySexOfBand.forEach(
                (band, bySex) -> s.append(", ").append(band).append('=').append(Arrays.toString(bySex)));
        return s.append(']').toString();
    }
}
