package bg.digiclub.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class PrivacyScanTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final String CLEAN =
            "{\"kind\":\"USAGE\",\"hour\":\"2026-11-24T09:00:00Z\",\"sessions\":3,\"agentVersion\":\"0.1.0\"}";

    private final PrivacyScan scan = PrivacyScan.ofThisMachine()
            .forbidding(List.of("ZG-4417-KRS", "ab"))
            .forbiddingStartsOf(List.of(Instant.parse("2026-11-24T09:17:23Z")), SOFIA);

    private List<String> findingsWith(String leak) {
        return scan.findings(CLEAN.replace("\"0.1.0\"", "\"0.1.0 " + leak + "\""));
    }

    @Test
    void aPayloadOfHoursAndCountsIsClean() {
        assertEquals(List.of(), scan.findings(CLEAN));
    }

    @Test
    void findsEachKindOfLeak() {
        for (String leak : List.of(
                "ZG-4417-KRS",
                System.getProperty("user.name"),
                "10.0.0.7",
                "fe80::1c2b:3aff:fe4d:5e6f",
                "00:1a:2b:3c:4d:5e",
                "https://www.gov.bg/",
                "ivan@example.org",
                "/home/ivan/",
                "1795511843",
                "1795511843000",
                "2026-11-24T09:17:23Z",
                "2026-11-24T09:17",
                "2026-11-24T11:17",
                "2026-11-24T11:17:23")) {
            assertTrue(!findingsWith(leak).isEmpty(), "the scan must see " + leak);
        }
    }

    @Test
    void identifiersShorterThanThreeCharactersAreNotLookedFor() {
        assertEquals(List.of(), findingsWith("ab"));
    }

    @Test
    void aStartOnTheQuarterHourIsNotLookedForAndOneOnAQuarterMinuteNotToTheMinute() {
        PrivacyScan quarter = PrivacyScan.ofThisMachine()
                .forbiddingStartsOf(
                        List.of(Instant.parse("2026-11-24T09:15:00Z"), Instant.parse("2026-11-24T10:30:41Z")), SOFIA);
        assertEquals(
                List.of(), quarter.findings("{\"at\":\"2026-11-24T09:15:00Z\",\"hour\":\"2026-11-24T10:30:00Z\"}"));
        assertEquals(List.of("'2026-11-24T10:30:41Z'"), quarter.findings("{\"startedAt\":\"2026-11-24T10:30:41Z\"}"));
    }

    @Test
    void assertCleanNamesTheBodyAndRefusesToProveNothing() {
        AssertionError leak = assertThrows(
                AssertionError.class,
                () -> scan.assertClean(List.of(CLEAN, "{\"code\":\"ZG-4417-KRS\"}"), b -> b, b -> "POST /v1/batches"));
        assertTrue(leak.getMessage().contains("POST /v1/batches: ['ZG-4417-KRS']"), leak.getMessage());
        assertThrows(AssertionError.class, () -> scan.assertClean(List.<String>of(), b -> b, b -> "none"));
        scan.assertClean(List.of(CLEAN), b -> b, b -> "POST /v1/batches");
    }
}
