package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.upload.FakeCollector;
import bg.digiclub.agent.upload.OutboxLimits;
import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.agent.upload.UploadSchedule;
import bg.digiclub.agent.upload.UploadService;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.testsupport.TestClock;

/**
 * The whole agent side of the path over real HTTP: a club PC used every day, its collector
 * down for a month (errors, resets, lost answers), then back. Everything sealed arrives, once;
 * the sessions' numbers at the collector equal the sessions in the ledger.
 */
class MonthOfflineTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAMPLE = Duration.ofSeconds(60);
    private static final Duration TICK = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    FakeCollector collector;
    UploadRig rig;

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
        collector.close();
    }

    @Test
    void collectorDownForAMonthThenBackEverythingArrivesOnce() throws Exception {
        Instant start = ZonedDateTime.of(2026, 10, 1, 7, 0, 0, 0, SOFIA).toInstant();
        TestClock clock = new TestClock(start, SOFIA);
        FakeLedger ledger = new FakeLedger();
        FakeHealth health = new FakeHealth().live(clock);
        Random r = new Random(7);
        List<String> codes = List.of("ZG-1001-AAA", "ZG-1002-BBB", "ZG-1003-CCC", "ZG-1004-DDD");
        int sessions = 0;
        long sessionMinutes = 0;
        AgeBand[] bands = AgeBand.values();
        Sex[] sexes = Sex.values();
        for (LocalDate day = LocalDate.of(2026, 10, 1);
                day.isBefore(LocalDate.of(2026, 11, 6));
                day = day.plusDays(1)) {
            Instant open = ZonedDateTime.of(day.atTime(9, 0), SOFIA).toInstant();
            health.running(open, open.plus(Duration.ofHours(9)), SAMPLE, Map.of("disk:/", HealthStatus.OK), 50, 60.0);
            Instant t = open.plusSeconds(60 + r.nextInt(600));
            while (t.isBefore(open.plus(Duration.ofHours(8)))) {
                int minutes = 10 + r.nextInt(80);
                if (r.nextInt(3) == 0) {
                    ledger.member(
                            codes.get(r.nextInt(codes.size())),
                            t,
                            Duration.ofMinutes(minutes),
                            bands[r.nextInt(bands.length)],
                            sexes[r.nextInt(sexes.length)]);
                } else {
                    ledger.guest(
                            t,
                            Duration.ofMinutes(minutes),
                            bands[r.nextInt(bands.length)],
                            sexes[r.nextInt(sexes.length)]);
                }
                sessions++;
                sessionMinutes += minutes;
                t = t.plus(Duration.ofMinutes(minutes)).plusSeconds(7 + r.nextInt(900));
            }
        }
        ScanningPrivacyGuard scan = ScanningPrivacyGuard.of(
                codes, ledger.all().stream().map(LedgerSession::startedAt).toList());
        collector = new FakeCollector(scan);
        rig = new UploadRig(dir, clock, scan, collector.url());
        // health kept 60 days so that nothing is evicted in this test; eviction has its own tests
        rig.withLimits(new OutboxLimits(Duration.ofDays(60), Duration.ofDays(400), 64L << 20, 256 << 10));
        rig.enrol(collector.url());
        UploadService service = service(rig, clock, ledger, health);

        // A week online, then the collector is down for 30 days in changing ways, then back.
        runUntil(service, clock, start.plus(Duration.ofDays(7)));
        assertTrue(
                collector.stored().size() > 7 * 30,
                "a normal week delivered: " + collector.stored().size());
        int[] turn = {0};
        collector.down((c, req, store) -> switch (turn[0]++ % 4) {
            case 0 ->
                new MockResponse.Builder()
                        .code(503)
                        .addHeader("Retry-After", "120")
                        .build();
            case 1 ->
                new MockResponse.Builder().code(500).body("<html>oops</html>").build();
            case 2 ->
                new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build();
            default -> {
                store.run(); // stored, but the answer never reaches the PC
                yield new MockResponse.Builder()
                        .code(200)
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build();
            }
        });
        runUntil(service, clock, start.plus(Duration.ofDays(37)));
        int requestsWhileDown = collector.requestCount();
        collector.up();
        // one restart of the agent in between, as after a power cut
        rig.reopen();
        service = service(rig, clock, ledger, health);
        runUntil(service, clock, start.plus(Duration.ofDays(38)));

        long sealed = rig.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT last_sequence FROM upload_state")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        Map<String, String> stored = collector.stored();
        assertEquals(List.of(), collector.violations());
        assertEquals(List.of(), scan.violations(), "nothing refused at sealing");
        assertEquals(List.of(), rig.outbox.all(), "the outbox is empty");
        assertEquals(sealed, stored.size(), "every sealed batch is at the collector, once");
        Set<Long> sequences = new HashSet<>();
        int usageSessions = 0;
        long usageMinutes = 0;
        Set<String> days = new HashSet<>();
        for (String json : stored.values()) {
            JsonNode b = JSON.readTree(json);
            sequences.add(b.path("sequence").asLong());
            assertEquals(
                    0,
                    b.at("/evicted/usageBatches").asInt()
                            + b.at("/evicted/healthBatches").asInt());
            if (b.path("kind").asText().equals(BatchKind.USAGE.name())) {
                for (JsonNode h : b.at("/usage/hours")) {
                    usageSessions += h.path("sessionsStarted").asInt();
                    usageMinutes += h.path("sessionMinutes").asInt();
                }
                assertTrue(days.add(b.at("/usage/days/0/day").asText()), "each day once");
            }
        }
        assertEquals(sealed, sequences.size(), "no gaps, no repeats");
        LocalDate lastEnded = LocalDate.ofInstant(clock.instant().minus(PeriodSealer.GRACE), SOFIA)
                .minusDays(1);
        assertEquals(
                java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 10, 1), lastEnded) + 1,
                days.size(),
                "every ended day from 1 October, once");
        assertEquals(sessions, usageSessions, "the collector's session count equals the ledger's");
        assertTrue(
                Math.abs(sessionMinutes - usageMinutes) <= usageSessions,
                "minutes agree within rounding: " + sessionMinutes + " vs " + usageMinutes);
        assertTrue(collector.keysSeen().size() > stored.size(), "there were repeated deliveries");
        assertTrue(
                requestsWhileDown < 30 * 24,
                "the backoff kept the PC quiet while the collector was down: " + requestsWhileDown
                        + " requests in 30 days");
        System.out.printf(
                "month offline: %d batches sealed and delivered once, %d requests in all, %d while down, "
                        + "%d sessions%n",
                sealed, collector.requestCount(), requestsWhileDown, sessions);
    }

    private static UploadService service(UploadRig rig, TestClock clock, FakeLedger ledger, FakeHealth health) {
        UploadSchedule schedule = new UploadSchedule(
                rig.config.usageWindowStart(), rig.config.usageWindowEnd(), rig.config.healthInterval(), rig.random);
        PeriodSealer sealer = new PeriodSealer(
                rig.db, rig.outbox, rig.enrolment, ledger, health, SAMPLE, rig.config.healthInterval(), "0.1.0", clock);
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

    private static void runUntil(UploadService service, TestClock clock, Instant end) {
        while (clock.instant().isBefore(end)) {
            clock.advance(TICK);
            service.tick();
        }
    }
}
