package bg.digiclub.common.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 11: "the programme's indicator bands, as far as we know them, are 0–17, 18–29, 30–54, 55+,
 * and ours must roll up to them exactly"; issue 14: and to the youth band 15–29, so the kiosk's bands
 * are cut at 15; the bands offered before stay readable as legacy.
 */
class AgeBandTest {
    /** The programme's bands as far as they are known (the collector's default report.age-bands). */
    private static final List<AgeRange> PROGRAMME = List.of(
            new AgeRange(0, 17), new AgeRange(18, 29), new AgeRange(30, 54), new AgeRange(55, Integer.MAX_VALUE));

    private static final AgeRange YOUTH = new AgeRange(15, 29);

    private static List<AgeBand> offeredWithAges() {
        List<AgeBand> bands = new ArrayList<>(AgeBand.offered());
        bands.remove(AgeBand.NOT_DECLARED);
        return bands;
    }

    private static List<AgeBand> legacy() {
        List<AgeBand> legacy = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            if (band.legacy()) {
                legacy.add(band);
            }
        }
        return legacy;
    }

    private static boolean straddles(AgeRange band, AgeRange of) {
        boolean inside = of.contains(band);
        boolean apart = band.to() < of.from() || of.to() < band.from();
        return !inside && !apart;
    }

    @Test
    void theOfferedBandsCoverEveryAgeFromZeroWithoutGapOrOverlap() {
        List<AgeBand> declared = offeredWithAges();
        declared.sort(Comparator.comparingInt(b -> b.range().orElseThrow().from()));
        assertEquals(0, declared.get(0).range().orElseThrow().from(), "children have a band of their own, from 0");
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
    void eachProgrammeBandAndTheYouthBandIsExactlyAUnionOfOfferedBands() {
        List<AgeRange> targets = new ArrayList<>(PROGRAMME);
        targets.add(YOUTH);
        for (AgeRange target : targets) {
            List<AgeBand> inside = new ArrayList<>();
            for (AgeBand band : offeredWithAges()) {
                AgeRange ages = band.range().orElseThrow();
                assertFalse(straddles(ages, target), band + " straddles " + target);
                if (target.contains(ages)) {
                    inside.add(band);
                }
            }
            assertFalse(inside.isEmpty(), target + " has bands of ours");
            assertEquals(target.from(), inside.get(0).range().orElseThrow().from(), target + " starts with a band");
            assertEquals(
                    target.to(),
                    inside.get(inside.size() - 1).range().orElseThrow().to(),
                    target + " ends with a band");
        }
    }

    @Test
    void theLegacyBandsAreNotOfferedYetRollUpToTheProgrammesUnder18() {
        assertEquals(List.of(AgeBand.AGE_0_15, AgeBand.AGE_16_17), legacy());
        for (AgeBand band : legacy()) {
            assertFalse(AgeBand.offered().contains(band), band + " is not offered");
            assertTrue(PROGRAMME.get(0).contains(band.range().orElseThrow()), band + " lies in 0-17");
        }
        assertTrue(straddles(AgeBand.AGE_0_15.range().orElseThrow(), YOUTH), "under 16 cannot count as youth");
        assertTrue(YOUTH.contains(AgeBand.AGE_16_17.range().orElseThrow()), "16-17 counts as youth");
        assertEquals(AgeBand.AGE_0_14, AgeBand.offered().get(0));
        assertEquals(
                AgeBand.NOT_DECLARED, AgeBand.offered().get(AgeBand.offered().size() - 1));
        assertEquals(AgeBand.values().length - 2, AgeBand.offered().size());
    }
}
