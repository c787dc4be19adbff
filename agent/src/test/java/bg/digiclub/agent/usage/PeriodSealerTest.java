package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.SealedBatch;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.testsupport.TestClock;

class PeriodSealerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAMPLE = Duration.ofSeconds(30);
    private static final List<String> MEMBER_CODES = List.of("ZG-4417-KRS", "ZG-9902-PLM");
    private static final String SERIAL = "S3Y9NB0K123456";

    @TempDir
    Path dir;

    TestClock clock;
    UploadRig rig;
    FakeLedger ledger;
    FakeHealth health;

    @BeforeEach
    void setUp() throws Exception {
        // enrolled on Friday 20 November 2026, 10:00 in Sofia
        clock = new TestClock(local(2026, 11, 20, 10, 0), java.time.ZoneId.of("Europe/Sofia"));
        ledger = new FakeLedger();
        health = new FakeHealth();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (rig != null) {
            rig.close();
            assertEquals(List.of(), rig.scan.violations(), "privacy scan of every sealed payload");
        }
    }

    private static Instant local(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, java.time.ZoneId.of("Europe/Sofia"))
                .toInstant();
    }

    private void open() throws Exception {
        List<Instant> starts =
                ledger.all().stream().map(LedgerSession::startedAt).toList();
        List<String> seeded = new ArrayList<>(MEMBER_CODES);
        seeded.add(SERIAL);
        rig = new UploadRig(dir, clock, ScanningPrivacyGuard.of(seeded, starts), URI.create("http://localhost:1"));
        rig.enrol(URI.create("http://localhost:1"));
    }

    private PeriodSealer sealer() {
        return new PeriodSealer(
                rig.db, rig.outbox, rig.enrolment, ledger, health, SAMPLE, Duration.ofMinutes(15), "0.1.0", clock);
    }

    private List<JsonNode> batches(BatchKind kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (SealedBatch b : rig.outbox.all()) {
            if (b.kind() == kind) {
                out.add(JSON.readTree(b.json()));
            }
        }
        return out;
    }

    @Test
    void eachEndedDayIsSealedOnceAfterTheGraceAndNeverAgainAfterARestart() throws Exception {
        ledger.guest(local(2026, 11, 20, 11, 7), Duration.ofMinutes(40), AgeBand.AGE_65_74, Sex.FEMALE)
                .member(
                        MEMBER_CODES.get(0),
                        local(2026, 11, 21, 23, 41),
                        Duration.ofMinutes(37),
                        AgeBand.AGE_18_24,
                        Sex.MALE);
        open();
        clock.set(local(2026, 11, 22, 0, 2));
        assertEquals(
                1,
                sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()),
                "only the 20th: the 21st " + "ended 2 minutes ago, within the grace");
        clock.set(local(2026, 11, 22, 0, 6));
        assertEquals(1, sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()));
        assertEquals(0, sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()));
        rig.reopen();
        assertEquals(
                0, sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()), "remembered across restarts");
        List<JsonNode> usage = batches(BatchKind.USAGE);
        assertEquals(
                List.of("2026-11-20", "2026-11-21"),
                usage.stream().map(b -> b.at("/usage/days/0/day").asText()).toList());
        JsonNode second = usage.get(1);
        assertEquals("2026-11-20T22:00:00Z", second.path("periodFrom").asText());
        assertEquals("2026-11-21T22:00:00Z", second.path("periodTo").asText());
        assertEquals(1, second.at("/usage/days/0/distinctMembers").asInt());
        // 23:41-00:18 local: 19 minutes in the 21st's last hour (21:00Z), the rest in the 22nd
        JsonNode lastHour = second.at("/usage/hours/0");
        assertEquals("2026-11-21T21:00:00Z", lastHour.path("hour").asText());
        assertEquals(19, lastHour.path("sessionMinutes").asInt());
        assertEquals(1, lastHour.path("memberSessions").asInt());
    }

    @Test
    void theUsagePayloadHasTheProtocolsEnvelopeAndNothingPersonal() throws Exception {
        Instant dayStart = local(2026, 11, 20, 0, 0);
        health.running(
                local(2026, 11, 20, 8, 30),
                local(2026, 11, 20, 18, 0),
                SAMPLE,
                Map.of("disk:/media/ivan/USB", HealthStatus.OK),
                40,
                55.0);
        ledger.guest(local(2026, 11, 20, 9, 13), Duration.ofMinutes(25), AgeBand.NOT_DECLARED, Sex.NOT_DECLARED)
                .member(
                        MEMBER_CODES.get(0),
                        local(2026, 11, 20, 9, 52),
                        Duration.ofMinutes(44),
                        AgeBand.AGE_65_74,
                        Sex.FEMALE)
                .member(
                        MEMBER_CODES.get(1),
                        local(2026, 11, 20, 14, 21),
                        Duration.ofMinutes(61),
                        AgeBand.AGE_55_64,
                        Sex.MALE)
                .member(
                        MEMBER_CODES.get(0),
                        local(2026, 11, 20, 16, 2),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_65_74,
                        Sex.FEMALE);
        open();
        clock.set(local(2026, 11, 21, 3, 0));
        sealer().sealDue();
        JsonNode b = batches(BatchKind.USAGE).get(0);
        assertEquals(1, b.path("schemaVersion").asInt());
        assertEquals(UploadRig.DEVICE.toString(), b.path("deviceId").asText());
        assertEquals(UploadRig.CLUB, b.path("clubId").asText());
        assertEquals("Europe/Sofia", b.path("timeZone").asText());
        assertEquals("USAGE", b.path("kind").asText());
        assertEquals(dayStart.toString(), b.path("periodFrom").asText());
        assertEquals(0, b.at("/evicted/usageBatches").asInt());
        int started = 0;
        int minutes = 0;
        for (JsonNode h : b.at("/usage/hours")) {
            assertTrue(h.path("hour").asText().endsWith(":00:00Z"));
            started += h.path("sessionsStarted").asInt();
            minutes += h.path("sessionMinutes").asInt();
        }
        assertEquals(4, started);
        assertEquals(25 + 44 + 61 + 30, minutes, "hours add up to the sessions' minutes");
        assertEquals(2, b.at("/usage/days/0/distinctMembers").asInt());
        assertEquals(3, b.at("/usage/days/0/sessions").size());
        String text = b.toString();
        for (String code : MEMBER_CODES) {
            assertFalse(text.contains(code));
        }
        assertTrue(rig.scan.scanned() >= 2, "usage and health payloads were scanned");
    }

    @Test
    void nothingIsSealedBeforeEnrolment() throws Exception {
        ledger.guest(local(2026, 11, 18, 11, 7), Duration.ofMinutes(40), AgeBand.AGE_65_74, Sex.FEMALE);
        open();
        rig.db.write(c -> c.createStatement().executeUpdate("DELETE FROM enrolment"));
        clock.set(local(2026, 11, 22, 3, 0));
        health.currentAt(clock.instant(), HealthStatus.OK, Map.of("memory", HealthStatus.OK));
        assertEquals(0, sealer().sealDue());
        assertEquals(List.of(), rig.outbox.all());
    }

    @Test
    void aSessionStillRunningHoldsBackItsDayAndTheDaysAfterIt() throws Exception {
        ledger.running(local(2026, 11, 20, 23, 50), Duration.ofMinutes(30), AgeBand.AGE_65_74, Sex.FEMALE);
        open();
        clock.set(local(2026, 11, 22, 0, 6));
        assertEquals(
                0,
                sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()),
                "the 20th waits for its session, the 21st waits behind it");
        assertEquals(List.of(), batches(BatchKind.USAGE));
    }

    @Test
    void daysBeforeTheEnrolmentDayAreNotSealedBecauseTheCollectorRefusesThem() throws Exception {
        ledger.guest(local(2026, 9, 1, 11, 7), Duration.ofMinutes(40), AgeBand.AGE_65_74, Sex.FEMALE)
                .guest(local(2026, 11, 18, 11, 7), Duration.ofMinutes(40), AgeBand.AGE_65_74, Sex.FEMALE)
                .guest(local(2026, 11, 20, 11, 7), Duration.ofMinutes(40), AgeBand.AGE_65_74, Sex.FEMALE);
        open(); // enrolled on the 20th at 10:00
        clock.set(local(2026, 11, 20, 12, 0));
        assertEquals(0, sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()), "the 20th is not over yet");
        clock.set(local(2026, 11, 21, 1, 0));
        assertEquals(1, sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow()));
        List<JsonNode> usage = batches(BatchKind.USAGE);
        assertEquals("2026-11-20", usage.get(0).at("/usage/days/0/day").asText(), "the enrolment day is the first");
    }

    @Test
    void aHealthBatchPerSlotWithTheCurrentStatusAndEndedDaysRidingAlongOnce() throws Exception {
        health.running(
                        local(2026, 11, 20, 10, 0),
                        local(2026, 11, 22, 0, 30),
                        SAMPLE,
                        Map.of(
                                "disk:/",
                                HealthStatus.WARN,
                                "cpu-temperature",
                                HealthStatus.OK,
                                "disk:/media/ivan/USB",
                                HealthStatus.CRIT),
                        8.5,
                        71.3)
                .alert(local(2026, 11, 21, 9, 3))
                .alert(local(2026, 11, 21, 9, 44));
        open();
        clock.set(local(2026, 11, 22, 0, 20));
        health.currentAt(
                clock.instant().minusSeconds(20),
                HealthStatus.WARN,
                Map.of(
                        "disk:/",
                        HealthStatus.WARN,
                        "cpu-temperature",
                        HealthStatus.OK,
                        "disk:/home/ivan",
                        HealthStatus.OK));
        PeriodSealer sealer = sealer();
        assertEquals(1, sealer.sealHealthSlot(rig.enrolment.credentials().orElseThrow()));
        assertEquals(0, sealer.sealHealthSlot(rig.enrolment.credentials().orElseThrow()), "once per slot");
        JsonNode b = batches(BatchKind.HEALTH).get(0);
        assertEquals(local(2026, 11, 22, 0, 15).toString(), b.path("periodFrom").asText());
        assertEquals(local(2026, 11, 22, 0, 30).toString(), b.path("periodTo").asText());
        JsonNode snap = b.at("/health/snapshots/0");
        assertEquals(local(2026, 11, 22, 0, 15).toString(), snap.path("at").asText());
        assertEquals("WARN", snap.path("overall").asText());
        assertEquals(
                "[\"cpu-temperature\",\"disk:/\",\"disk:other\"]",
                JSON.writeValueAsString(snap.path("checks").findValuesAsText("name")));
        JsonNode days = b.at("/health/days");
        assertEquals(2, days.size());
        JsonNode d21 = days.get(1);
        assertEquals("2026-11-21", d21.path("day").asText());
        assertEquals(8.5, d21.path("minFreeDiskPercent").asDouble());
        assertEquals(71.3, d21.path("maxCpuTemperatureCelsius").asDouble());
        assertEquals(2, d21.path("alertCount").asInt());
        assertEquals(24 * 60, d21.path("uptimeMinutes").asInt());
        assertEquals(
                "CRIT",
                d21.at("/worst").findParents("name").stream()
                        .filter(n -> n.path("name").asText().equals("disk:other"))
                        .findFirst()
                        .orElseThrow()
                        .path("status")
                        .asText());
        assertEquals(14 * 60, days.get(0).path("uptimeMinutes").asInt(), "from 10:00 on the 20th");

        clock.advance(Duration.ofMinutes(15));
        health.currentAt(clock.instant(), HealthStatus.OK, Map.of("disk:/", HealthStatus.OK));
        assertEquals(1, sealer.sealHealthSlot(rig.enrolment.credentials().orElseThrow()));
        JsonNode next = batches(BatchKind.HEALTH).get(1);
        assertEquals(0, next.at("/health/days").size(), "each day's summary goes once");
        assertEquals(1, next.at("/health/snapshots").size());
    }

    @Test
    void aStaleCurrentReportGivesNoSnapshot() throws Exception {
        open();
        clock.set(local(2026, 11, 20, 12, 5));
        health.currentAt(
                clock.instant().minus(Duration.ofHours(2)), HealthStatus.OK, Map.of("memory", HealthStatus.OK));
        assertEquals(0, sealer().sealHealthSlot(rig.enrolment.credentials().orElseThrow()));
    }
}
