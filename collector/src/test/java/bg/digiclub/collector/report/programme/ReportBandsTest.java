package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.link.AgeBand;

/** The report's bands from configuration: validated against ours, rolled up exactly, grouped into atoms. */
class ReportBandsTest {
    private static final String FILE = "/etc/digiclub/collector.properties";

    private static ConfigProperties config(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ConfigProperties.of(FILE, p);
    }

    @Test
    void defaultsAreTheProgrammesBands() {
        ReportBands bands = ReportBands.fromConfig(config());
        assertEquals(List.of("0-17", "18-29", "30-54", "55+", "not-declared"), bands.rowLabels());
        assertEquals("15-29", bands.youth().label());
        assertEquals(bands.rowLabels(), ReportBands.defaults().rowLabels());
    }

    @Test
    void everyBandOfOursRollsUpToTheConfiguredBandHoldingIt() {
        ReportBands bands = ReportBands.defaults();
        assertEquals(0, rowOf(bands, bands.atomOf(AgeBand.AGE_0_14)));
        assertEquals(0, rowOf(bands, bands.atomOf(AgeBand.AGE_15_17)));
        assertEquals(1, rowOf(bands, bands.atomOf(AgeBand.AGE_18_24)));
        assertEquals(1, rowOf(bands, bands.atomOf(AgeBand.AGE_25_29)));
        assertEquals(2, rowOf(bands, bands.atomOf(AgeBand.AGE_30_54)));
        assertEquals(3, rowOf(bands, bands.atomOf(AgeBand.AGE_55_64)));
        assertEquals(3, rowOf(bands, bands.atomOf(AgeBand.AGE_75_PLUS)));
        assertEquals(4, rowOf(bands, bands.atomOf(AgeBand.NOT_DECLARED)));
    }

    @Test
    void atomsSplitARowWhereTheYouthBandCutsIt() {
        ReportBands bands = ReportBands.defaults();
        // 0-17 outside youth, 0-17 inside youth (15-17), 18-29, 30-54, 55+, not declared
        assertEquals(6, bands.atoms());
        assertEquals(List.of(AgeBand.AGE_0_14, AgeBand.AGE_0_15), bandsOf(bands, 0));
        assertEquals(List.of(AgeBand.AGE_15_17, AgeBand.AGE_16_17), bandsOf(bands, 1));
        assertEquals(List.of(AgeBand.AGE_18_24, AgeBand.AGE_25_29), bandsOf(bands, 2));
        assertEquals(List.of(AgeBand.AGE_55_64, AgeBand.AGE_65_74, AgeBand.AGE_75_PLUS), bandsOf(bands, 4));
        assertEquals(List.of(AgeBand.NOT_DECLARED), bandsOf(bands, 5));
        assertEquals(
                List.of(false, true, true, false, false, false),
                List.of(
                        isYouth(bands, 0),
                        isYouth(bands, 1),
                        isYouth(bands, 2),
                        isYouth(bands, 3),
                        isYouth(bands, 4),
                        isYouth(bands, 5)));
        assertEquals(0, bands.scheme().rowOfAtom()[1]);
        assertTrue(bands.scheme().youthAtom()[1]);
    }

    @Test
    void aLegacyBandReachingBelowTheYouthBandNeverCountsAsYouth() {
        ReportBands bands = ReportBands.defaults();
        assertFalse(isYouth(bands, bands.atomOf(AgeBand.AGE_0_15)));
        assertTrue(isYouth(bands, bands.atomOf(AgeBand.AGE_16_17)));
    }

    @Test
    void aLegacyBandStraddlingAConfiguredBandCountsAsNotDeclared() {
        ReportBands bands = ReportBands.fromConfig(config("report.age-bands", "0-14, 15-17, 18-29, 30-54, 55+"));
        assertEquals(List.of("0-14", "15-17", "18-29", "30-54", "55+", "not-declared"), bands.rowLabels());
        assertEquals(bands.notDeclaredRow(), rowOf(bands, bands.atomOf(AgeBand.AGE_0_15)));
        assertEquals(1, rowOf(bands, bands.atomOf(AgeBand.AGE_16_17)));
        assertEquals(bands.atomOf(AgeBand.NOT_DECLARED), bands.atomOf(AgeBand.AGE_0_15));
    }

    @Test
    void aMunicipalityMaySetFinerOrCoarserBands() {
        ReportBands bands =
                ReportBands.fromConfig(config("report.age-bands", "0-29,30-64,65+", "report.youth-band", "18-24"));
        assertEquals(List.of("0-29", "30-64", "65+", "not-declared"), bands.rowLabels());
        assertTrue(isYouth(bands, bands.atomOf(AgeBand.AGE_18_24)));
        assertFalse(isYouth(bands, bands.atomOf(AgeBand.AGE_25_29)));
        assertEquals(1, rowOf(bands, bands.atomOf(AgeBand.AGE_55_64)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0-16,17-29,30-54,55+ | cuts the age band AGE_15_17",
                "1-17,18-29,30-54,55+ | must begin at 0",
                "0-17,20-29,30-54,55+ | band 20-29 must begin at 18",
                "0-17,18-29,25-54,55+ | band 25-54 must begin at 30",
                "0-17,18-29,30-54,55-74 | the last band must be open-ended",
                "0-17,18+,30-54,55+ | only the last band may be open-ended",
                "0-17,18-29,thirty,55+ | is not an age band: write 18-29 or 55+",
                "0-17,29-18,30+ | ends before it begins"
            })
    void aBadBandListNamesTheFileAndTheKey(String bands, String why) {
        ConfigException e =
                assertThrows(ConfigException.class, () -> ReportBands.fromConfig(config("report.age-bands", bands)));
        assertTrue(e.getMessage().startsWith(FILE + ": key 'report.age-bands': "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aYouthBandOurBandsStraddleNamesItsKey() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> ReportBands.fromConfig(config("report.youth-band", "16-29")));
        assertTrue(e.getMessage().startsWith(FILE + ": key 'report.youth-band': "), e.getMessage());
        assertTrue(e.getMessage().contains("AGE_15_17"), e.getMessage());
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        ConfigProperties c = config().withEnvironment(Map.of("DIGICLUB_REPORT_AGE_BANDS", "0-17,18-29"));
        ConfigException e = assertThrows(ConfigException.class, () -> ReportBands.fromConfig(c));
        assertTrue(e.getMessage().contains("DIGICLUB_REPORT_AGE_BANDS"), e.getMessage());
    }

    @Test
    void theCheckIsAgainstTheBandsTheKioskOffers() {
        // the legacy bands (ages 0-15, 16-17) are no cuts: a band ending at 15 would split 15-17
        assertThrows(IllegalArgumentException.class, () -> ReportBands.of(List.of("0-15", "16+"), "16-29"));
        assertEquals(2, ReportBands.of(List.of("0-14", "15+"), "15-29").bands().size());
    }

    @Test
    void theProgrammeSettingsReadTheBandsAndTheMunicipalitysName() {
        ProgrammeSettings settings = ProgrammeSettings.fromConfig(
                config("report.municipality-name", "Община Стара Загора", "report.age-bands", "0-29,30+"));
        assertEquals("Община Стара Загора", settings.municipalityName());
        assertEquals(List.of("0-29", "30+"), settings.bands().labels());
        assertEquals("", ProgrammeSettings.fromConfig(config()).municipalityName(), "none by default");
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ProgrammeSettings.fromConfig(config("report.youth-band", "15-30"))); // 30 is no end: 30-54
        assertTrue(e.getMessage().startsWith(FILE + ": key 'report.youth-band': "), e.getMessage());
    }

    /** The row of the age tables an atom falls in, as the published scheme says. */
    private static int rowOf(ReportBands bands, int atom) {
        return bands.scheme().rowOfAtom()[atom];
    }

    /** Whether an atom counts as youth, as the published scheme says. */
    private static boolean isYouth(ReportBands bands, int atom) {
        return bands.scheme().youthAtom()[atom];
    }

    /** Our bands in an atom, in {@link AgeBand} order. */
    private static List<AgeBand> bandsOf(ReportBands bands, int atom) {
        return Arrays.stream(AgeBand.values())
                .filter(b -> bands.atomOf(b) == atom)
                .toList();
    }
}
