package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionAuthority.Granted;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.SealedBatch;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.testsupport.TestClock;

/**
 * Issue 14 cut the kiosk's youngest bands at 15. A session recorded with a legacy band (before the
 * upgrade, or by a member whose card was declared with one) and a session with a new band go up in
 * the same day's batch, each under its own band, through the real ledger on SQLite and the sealer.
 */
class AgeBandsAcrossTheUpgradeTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @TempDir
    Path dir;

    private static Instant local(int hour, int minute) {
        return ZonedDateTime.of(2026, 12, 7, hour, minute, 0, 0, SOFIA).toInstant();
    }

    @Test
    void aLegacyBandAndANewBandAreBothSealedAsTheyWereRecorded() throws Exception {
        TestClock clock = new TestClock(local(9, 0), SOFIA);
        List<Instant> starts = List.of(local(10, 0), local(11, 0));
        try (UploadRig rig = new UploadRig(
                dir, clock, ScanningPrivacyGuard.of(List.of(), starts), URI.create("http://localhost:1"))) {
            rig.enrol(URI.create("http://localhost:1"));
            RaisedChecks raised =
                    new RaisedChecks(new AlertStore(rig.db, clock), Set.of(SessionAuthority.RESET_CHECK), clock);
            SessionAuthority sessions = new SessionAuthority(
                    new SessionLedger(rig.db),
                    new RecordingVisitor(),
                    raised,
                    clock,
                    Duration.ofSeconds(30),
                    new SecureRandom());
            visit(sessions, clock, starts.get(0), AgeBand.AGE_16_17);
            visit(sessions, clock, starts.get(1), AgeBand.AGE_15_17);

            clock.set(ZonedDateTime.of(2026, 12, 8, 0, 6, 0, 0, SOFIA).toInstant());
            PeriodSealer sealer = new PeriodSealer(
                    rig.db,
                    rig.outbox,
                    rig.enrolment,
                    new LedgerUsageSource(new SessionLedger(rig.db)),
                    new FakeHealth(),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(15),
                    "0.1.0",
                    clock);
            assertEquals(1, sealer.sealUsageDays(rig.enrolment.credentials().orElseThrow()));

            List<String> cells = new ArrayList<>();
            for (SealedBatch b : rig.outbox.all()) {
                if (b.kind() == BatchKind.USAGE) {
                    // read back with the strict records the collector uses
                    StrictJson.mapper().readValue(b.json(), Batch.class);
                    for (JsonNode cell : new ObjectMapper().readTree(b.json()).at("/usage/days/0/sessions")) {
                        cells.add(cell.path("ageBand").asText() + " "
                                + cell.path("sex").asText() + " "
                                + cell.path("sessions").asInt());
                    }
                }
            }
            assertEquals(
                    List.of("AGE_15_17 FEMALE 1", "AGE_16_17 FEMALE 1"),
                    cells.stream().sorted().toList());
            assertEquals(List.of(), rig.scan.violations(), "privacy scan of every sealed payload");
        }
    }

    private static void visit(SessionAuthority sessions, TestClock clock, Instant at, AgeBand band) throws Exception {
        clock.set(at);
        Granted g = sessions.start(
                VisitorKind.GUEST, null, new Demographics(band, Sex.FEMALE), Duration.ofMinutes(60), null);
        clock.set(at.plus(Duration.ofMinutes(20)));
        sessions.heartbeat(g.sessionId(), g.secret());
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
    }
}
