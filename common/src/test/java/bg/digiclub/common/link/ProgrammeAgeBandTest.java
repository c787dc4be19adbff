package bg.digiclub.common.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 11: "No age band under 16 ... the programme's indicator bands, as far as we know them, are
 * 0–17, 18–29, 30–54, 55+, and ours must roll up to them exactly."
 */
class ProgrammeAgeBandTest {
    @Test
    void ourBandsCoverEveryAgeFromZeroWithoutGapOrOverlap() {
        List<AgeBand> declared = new ArrayList<>(List.of(AgeBand.values()));
        declared.remove(AgeBand.NOT_DECLARED);
        declared.sort(Comparator.comparingInt(b -> b.range().orElseThrow().from()));
        assertEquals(
                0, declared.get(0).range().orElseThrow().from(), "children under 16 have a band of their own, from 0");
        for (int i = 1; i < declared.size(); i++) {
            assertEquals(
                    declared.get(i - 1).range().orElseThrow().to() + 1,
                    declared.get(i).range().orElseThrow().from(),
                    declared.get(i - 1) + " then " + declared.get(i));
        }
        assertEquals(
                Integer.MAX_VALUE,
                declared.get(declared.size() - 1).range().orElseThrow().to());
    }

    @Test
    void eachProgrammeBandIsExactlyTheUnionOfOursThatRollUpToIt() {
        for (ProgrammeAgeBand p : ProgrammeAgeBand.values()) {
            if (p == ProgrammeAgeBand.NOT_DECLARED) {
                continue;
            }
            List<AgeBand> ours = new ArrayList<>();
            for (AgeBand b : AgeBand.values()) {
                if (ProgrammeAgeBand.of(b) == p) {
                    ours.add(b);
                }
            }
            assertTrue(!ours.isEmpty(), p + " has bands of ours");
            ours.sort(Comparator.comparingInt(b -> b.range().orElseThrow().from()));
            AgeRange programme = p.range().orElseThrow();
            assertEquals(
                    programme.from(),
                    ours.get(0).range().orElseThrow().from(),
                    p + " starts where its first band of ours does");
            assertEquals(
                    programme.to(),
                    ours.get(ours.size() - 1).range().orElseThrow().to(),
                    p + " ends where its last band of ours does");
        }
    }

    @Test
    void theRollUp() {
        assertEquals(ProgrammeAgeBand.AGE_0_17, ProgrammeAgeBand.of(AgeBand.AGE_0_15));
        assertEquals(ProgrammeAgeBand.AGE_0_17, ProgrammeAgeBand.of(AgeBand.AGE_16_17));
        assertEquals(ProgrammeAgeBand.AGE_18_29, ProgrammeAgeBand.of(AgeBand.AGE_18_24));
        assertEquals(ProgrammeAgeBand.AGE_18_29, ProgrammeAgeBand.of(AgeBand.AGE_25_29));
        assertEquals(ProgrammeAgeBand.AGE_30_54, ProgrammeAgeBand.of(AgeBand.AGE_30_54));
        assertEquals(ProgrammeAgeBand.AGE_55_PLUS, ProgrammeAgeBand.of(AgeBand.AGE_55_64));
        assertEquals(ProgrammeAgeBand.AGE_55_PLUS, ProgrammeAgeBand.of(AgeBand.AGE_75_PLUS));
        assertEquals(ProgrammeAgeBand.NOT_DECLARED, ProgrammeAgeBand.of(AgeBand.NOT_DECLARED));
    }
}
