package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.upload.FakeCollector;
import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.agent.upload.UploadRound;
import bg.digiclub.agent.upload.UploadSchedule;
import bg.digiclub.agent.upload.UploadService;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.testsupport.TestClock;

/** The service loop's schedule over real HTTP: health every slot, usage once a day in the window, upload now. */
class UploadServiceTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestClock clock;
    FakeCollector collector;
    UploadRig rig;
    FakeLedger ledger = new FakeLedger();
    FakeHealth health = new FakeHealth();
    UploadService service;

    @BeforeEach
    void setUp() throws Exception {
        Instant start = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, SOFIA).toInstant();
        clock = new TestClock(start, SOFIA);
        health.live(clock)
                .running(
                        start,
                        start.plus(Duration.ofDays(3)),
                        Duration.ofSeconds(30),
                        Map.of("disk:/", HealthStatus.OK, "memory", HealthStatus.OK),
                        60,
                        50.0);
        ledger.guest(start.plus(Duration.ofMinutes(67)), Duration.ofMinutes(33), AgeBand.AGE_75_PLUS, Sex.FEMALE);
        ScanningPrivacyGuard scan = ScanningPrivacyGuard.of(
                List.of(), ledger.all().stream().map(LedgerSession::startedAt).toList());
        collector = new FakeCollector(scan);
        rig = new UploadRig(dir, clock, scan, collector.url());
        rig.enrol(collector.url());
        service = service();
    }

    private UploadService service() {
        return service("0.1.0");
    }

    private UploadService service(String agentVersion) {
        UploadSchedule schedule = new UploadSchedule(
                rig.config.usageWindowStart(), rig.config.usageWindowEnd(), rig.config.healthInterval(), rig.random);
        PeriodSealer sealer = new PeriodSealer(
                rig.db,
                rig.outbox,
                rig.enrolment,
                ledger,
                health,
                Duration.ofSeconds(30),
                rig.config.healthInterval(),
                agentVersion,
                clock);
        return new UploadService(
                rig.outbox,
                rig.enrolment,
                rig.db,
                rig.uploader(),
                sealer,
                schedule,
                clock,
                AgentRuntime.raisedChecks(new AlertStore(rig.db, clock), clock));
    }

    @AfterEach
    void tearDown() throws Exception {
        assertEquals(List.of(), collector.violations());
        assertEquals(List.of(), rig.scan.violations());
        rig.close();
        collector.close();
    }

    private List<JsonNode> received(String kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String j : collector.stored().values()) {
            JsonNode n = JSON.readTree(j);
            if (n.path("kind").asText().equals(kind)) {
                out.add(n);
            }
        }
        return out;
    }

    private void runFor(Duration d, Duration step) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            service.tick();
        }
    }

    @Test
    void healthGoesEverySlotAndUsageOnceADayInsideTheWindow() throws Exception {
        runFor(Duration.ofHours(2), Duration.ofMinutes(1));
        assertEquals(9, received("HEALTH").size(), "one per 15-minute slot, 08:00 to 10:00");
        assertEquals(0, received("USAGE").size());
        runFor(Duration.ofHours(46), Duration.ofMinutes(1));
        List<JsonNode> usage = received("USAGE");
        assertEquals(2, usage.size(), "23 and 24 November");
        assertEquals(1, usage.get(0).at("/usage/days/0/sessions/0/sessions").asInt());
    }

    @Test
    void aBatchTheContractRefusesIsNotSealedRaisesACheckAndItsSessionsWaitForAFixedAgent() throws Exception {
        AlertStore alerts = new AlertStore(rig.db, clock);
        service = service("0.1.0 beta"); // a version the contract refuses (no spaces): every batch is refused
        runFor(Duration.ofHours(21), Duration.ofMinutes(1)); // past the 23rd's end: its usage is due
        assertEquals(0, rig.outbox.all().size(), "nothing sealed");
        assertEquals(0, collector.requestCount());
        AlertEvent raised = alerts.openFor(UploadService.CONTRACT_CHECK).orElseThrow();
        assertEquals(HealthStatus.WARN, raised.status());
        assertTrue(raised.detail().contains("agentVersion"), raised.detail());

        service = service("0.1.0"); // the fixed agent, on the same database
        runFor(Duration.ofHours(8), Duration.ofMinutes(1)); // through the usage window
        List<JsonNode> usage = received("USAGE");
        assertEquals(1, usage.size(), "the 23rd, sealed late");
        assertEquals(1, usage.get(0).at("/usage/days/0/sessions/0/sessions").asInt(), "its session was not lost");
        assertTrue(alerts.openFor(UploadService.CONTRACT_CHECK).isEmpty(), "OK again once batches seal");
    }

    @Test
    void usageIsSentOnlyInTheWindow() throws Exception {
        runFor(Duration.ofHours(16).plusMinutes(30), Duration.ofMinutes(1)); // to 00:30 on the 24th
        assertEquals(
                1,
                rig.outbox.all().stream()
                        .filter(b -> b.kind().name().equals("USAGE"))
                        .count(),
                "sealed after midnight, waiting for the window");
        runFor(Duration.ofMinutes(90), Duration.ofMinutes(1)); // to 02:00
        assertEquals(0, received("USAGE").size());
        runFor(Duration.ofHours(3), Duration.ofMinutes(1)); // to 05:00
        assertEquals(1, received("USAGE").size());
    }

    @Test
    void uploadNowSendsEverythingEvenDuringABackoff() throws Exception {
        collector.down(FakeCollector.status(503, "", "Retry-After", "86400"));
        runFor(Duration.ofHours(20), Duration.ofMinutes(5));
        int waiting = rig.outbox.all().size();
        assertTrue(waiting > 60, "health and usage waiting: " + waiting);
        collector.up();
        UploadRound now = service.uploadNow();
        assertEquals(UploadRound.Outcome.DONE, now.outcome());
        assertEquals(waiting, now.sent());
        assertEquals(0, rig.outbox.all().size());
        assertTrue(
                service.status().summary().startsWith("upload: 0 batch(es) waiting"),
                service.status().summary());
    }

    @Test
    void aRefusedTokenIsShownInStatusAndNothingMoreIsSent() throws Exception {
        collector.down(FakeCollector.problem(401, "invalid-token", "token revoked"));
        runFor(Duration.ofHours(1), Duration.ofMinutes(1));
        int requests = collector.requestCount();
        runFor(Duration.ofHours(5), Duration.ofMinutes(1));
        assertEquals(requests, collector.requestCount(), "stopped sending");
        String summary = service.status().summary();
        assertTrue(summary.contains("NEEDS RE-ENROLMENT") && summary.contains("token revoked"), summary);
        assertTrue(rig.outbox.all().size() >= 20, "kept everything");
    }

    @Test
    void aPayloadRefusedByThePrivacyCheckIsNeverSentAndTheLoopGoesOn() throws Exception {
        rig.close();
        // a "member code" that the aggregation never writes, but that a broken check name would carry
        health.currentAt(clock.instant(), HealthStatus.WARN, Map.of("memory:ZG-4417-KRS", HealthStatus.WARN));
        health.live(null);
        ScanningPrivacyGuard strict = ScanningPrivacyGuard.of(List.of("ZG-4417-KRS"), List.of());
        rig = new UploadRig(dir, clock, strict, collector.url());
        service = service();
        service.tick();
        assertEquals(List.of("payload holds a forbidden identifier (11 characters)"), strict.takeViolations());
        assertEquals(0, collector.requestCount());
        assertEquals(0, rig.outbox.all().size());
    }

    @Test
    void theWiredServiceDeliversAndStatusCanBeReadFromTheDatabaseAlone() throws Exception {
        UploadService wired = AgentRuntime.uploadService(
                        rig.config, rig.db, ledger, health, Duration.ofSeconds(30), "0.1.0", clock, rig.scan)
                .orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        wired.tick();
        assertEquals(1, received("HEALTH").size());
        bg.digiclub.agent.upload.UploadStatus status = bg.digiclub.agent.upload.UploadStatus.read(rig.db);
        assertTrue(
                status.summary().startsWith("upload: 0 batch(es) waiting, 0 quarantined, last delivery"),
                status.summary());
        assertTrue(AgentRuntime.uploadService(
                        rig.config.withCollectorUrl(java.net.URI.create("https://stats.example.bg")),
                        rig.db,
                        ledger,
                        health,
                        Duration.ofSeconds(30),
                        "0.1.0",
                        clock)
                .isPresent());
    }

    @Test
    void withoutACollectorThereIsNoService() {
        assertTrue(AgentRuntime.uploadService(
                        bg.digiclub.agent.upload.UploadConfig.defaults(null),
                        rig.db,
                        ledger,
                        health,
                        Duration.ofSeconds(30),
                        "0.1.0",
                        clock)
                .isEmpty());
    }

    @Test
    void aPcOffDuringTheWindowSendsUsageWithinAnHourOfStarting() throws Exception {
        runFor(Duration.ofHours(15), Duration.ofMinutes(1)); // to 23:00 on the 23rd, then the PC is switched off
        clock.set(ZonedDateTime.of(2026, 11, 24, 8, 30, 0, 0, SOFIA).toInstant());
        service = service(); // the agent starts with the PC at 08:30
        health.running(
                clock.instant(),
                clock.instant().plus(Duration.ofHours(2)),
                Duration.ofSeconds(30),
                Map.of("memory", HealthStatus.OK),
                60,
                50.0);
        runFor(Duration.ofMinutes(61), Duration.ofMinutes(1));
        assertEquals(1, received("USAGE").size(), "the 23rd's usage went before 09:31, not the next night");
    }
}
