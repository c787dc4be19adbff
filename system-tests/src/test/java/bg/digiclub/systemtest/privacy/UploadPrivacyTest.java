package bg.digiclub.systemtest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubPrivacy;
import bg.digiclub.systemtest.support.ClubSetup;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.FaultProxy;
import bg.digiclub.systemtest.support.RodinaMonday;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.PrivacyScan;
import bg.digiclub.testsupport.TestClock;

/**
 * Everything a club PC sends to the collector, captured on the way (gunzipped), carries nothing
 * that identifies a person or the PC; and the scan that says so finds each kind of leak when one
 * is planted in a real payload, so its silence means something.
 */
class UploadPrivacyTest {
    @TempDir
    Path dir;

    @Test
    void whatLeavesThePcIsAnonymousAndTheScanWouldSeeALeak() throws Exception {
        try (ClubSetup setup = new ClubSetup("sqlite", dir, RodinaMonday.DAY, 2, Duration.ofSeconds(10))) {
            List<Visit> visits = RodinaMonday.visits();
            String memberCode;
            try (ClubSimulation club = setup.simulation()) {
                memberCode = club.cards(0).get(0).code();
                club.day(RodinaMonday.DAY, RodinaMonday.OPEN, RodinaMonday.CLOSE, visits);
                club.nightAfter(RodinaMonday.DAY, LocalTime.of(6, 0));
            }
            for (ClubPc pc : setup.pcs) {
                assertEquals(0, pc.waiting());
            }
            PrivacyScan scan = ClubPrivacy.scan(
                    visits,
                    TestClock.SOFIA,
                    setup.pcs.stream().map(ClubPc::database).toList());
            List<FaultProxy.Captured> bodies = setup.network.captured();
            assertTrue(bodies.size() >= 6, "two enrolments and each PC's usage and health batches: " + bodies.size());
            assertTrue(
                    bodies.stream().anyMatch(b -> b.text().contains("\"kind\":\"USAGE\"")), "a usage batch was seen");
            ClubPrivacy.assertClean(scan, bodies);

            String usage = bodies.stream()
                    .map(FaultProxy.Captured::text)
                    .filter(t -> t.contains("\"USAGE\""))
                    .findFirst()
                    .orElseThrow();
            String pinHash = setup.pcs.get(0).database().read(c -> {
                try (var s = c.prepareStatement("SELECT pin_hash FROM member_card LIMIT 1");
                        var r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            });
            String start = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                    .format(visits.get(3).startInstant(TestClock.SOFIA).atZone(ZoneOffset.UTC));
            for (String leak : List.of(
                    memberCode,
                    pinHash,
                    System.getProperty("user.name"),
                    host(),
                    "10.0.0.7",
                    "192.168.1.23",
                    "fe80::1c2b:3aff:fe4d:5e6f",
                    "2001:db8:85a3:0:0:8a2e:370:7334",
                    "00:1a:2b:3c:4d:5e",
                    "https://www.gov.bg/",
                    "\"startedAt\":\"" + start + ":00Z\"")) {
                String planted = usage.replace("\"agentVersion\":\"", "\"agentVersion\":\"" + leak + " ");
                assertFalse(scan.findings(planted).isEmpty(), "the scan must see " + leak);
            }
        }
    }

    private static String host() throws Exception {
        return java.net.InetAddress.getLocalHost().getHostName();
    }
}
