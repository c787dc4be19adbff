package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.SealedBatch;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

/**
 * A visitor guessing the staff PIN reaches the municipality: the staff lockout's alert event
 * goes through the real health store and sealer into the health batch the dashboard shows —
 * the slot's snapshot while it is open, the day's totals after — under its own plain name,
 * past the privacy guard.
 */
class StaffPinAlertUploadTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final Duration SAMPLE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static Instant local(int d, int h, int min) {
        return ZonedDateTime.of(2026, 11, d, h, min, 0, 0, SOFIA).toInstant();
    }

    @Test
    void aStaffLockoutIsInTheSnapshotAndTheDaysHealthAsStaffPin() throws Exception {
        TestClock clock = new TestClock(local(20, 10, 0), SOFIA);
        URI collector = URI.create("http://localhost:1");
        try (UploadRig rig = new UploadRig(
                dir, clock, ScanningPrivacyGuard.of(List.of("24681357", "902718"), List.of()), collector)) {
            rig.enrol(collector);
            StaffPin staff = new StaffPin(rig.db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.STAFF, clock);
            staff.set("24681357".toCharArray());
            clock.set(local(21, 16, 40));
            for (int i = 0; i < 15; i++) {
                staff.check("902718".toCharArray());
                clock.set(clock.instant().plus(Duration.ofMinutes(5)));
            }

            AlertStore alerts = new AlertStore(rig.db, clock);
            // the running agent's current report, as AgentRuntime hands it on: the sampler's, plus the lockout
            RaisedChecks staffPinCheck = new RaisedChecks(alerts, Set.of(StaffPin.ALERT_CHECK), clock);
            Supplier<Optional<HealthReport>> current = () -> Optional.of(staffPinCheck.addTo(new HealthReport(
                    HealthStatus.OK,
                    clock.instant().minusSeconds(20),
                    List.of(new CheckReport("memory", HealthStatus.OK, "40 % used", clock.instant())))));
            StoreHealthSource health =
                    new StoreHealthSource(new SampleStore(rig.db, clock), alerts, current, SAMPLE, clock);
            PeriodSealer sealer = new PeriodSealer(
                    rig.db,
                    rig.outbox,
                    rig.enrolment,
                    new FakeLedger(),
                    health,
                    SAMPLE,
                    Duration.ofMinutes(15),
                    "0.1.0",
                    clock);
            clock.set(local(22, 0, 20));
            assertEquals(1, sealer.sealHealthSlot(rig.enrolment.credentials().orElseThrow()));

            List<JsonNode> batches = new ArrayList<>();
            for (SealedBatch b : rig.outbox.all()) {
                if (b.kind() == BatchKind.HEALTH) {
                    batches.add(new ObjectMapper().readTree(b.json()));
                }
            }
            JsonNode day21 = null;
            for (JsonNode day : batches.get(0).at("/health/days")) {
                if (day.path("day").asText().equals("2026-11-21")) {
                    day21 = day;
                }
            }
            assertTrue(day21 != null, batches.toString());
            JsonNode staffPin = day21.at("/worst").findParents("name").stream()
                    .filter(n -> n.path("name").asText().equals(StaffPin.ALERT_CHECK))
                    .findFirst()
                    .orElseThrow();
            assertEquals("CRIT", staffPin.path("status").asText(), "three locks in a row");
            assertEquals(2, day21.path("alertCount").asInt(), "the WARN of the first locks, then the CRIT");
            JsonNode snapshot = batches.get(0).at("/health/snapshots/0");
            assertEquals("CRIT", snapshot.path("overall").asText(), "still locked out: nobody has logged in since");
            assertEquals(
                    "[\"memory\",\"staff-pin\"]",
                    new ObjectMapper()
                            .writeValueAsString(snapshot.path("checks").findValuesAsText("name")));
            assertEquals(List.of(), rig.scan.violations());
        }
    }
}
