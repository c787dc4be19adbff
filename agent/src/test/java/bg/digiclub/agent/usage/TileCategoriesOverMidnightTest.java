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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.testsupport.TestClock;

/**
 * Tile categories from the kiosk's launches to the sealed day, through the real session
 * authority, ledger and sealer: a session counts every category it opens on the day it started,
 * also after midnight, because that day is sealed only once the session has ended.
 */
class TileCategoriesOverMidnightTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAMPLE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    TestClock clock;
    UploadRig rig;
    SessionAuthority sessions;

    @BeforeEach
    void setUp() throws Exception {
        // enrolled on Friday 20 November 2026, 10:00 in Sofia
        clock = new TestClock(local(20, 10, 0), SOFIA);
        // every session's exact start, for the scan to look for in the payloads
        List<Instant> starts = List.of(local(20, 23, 40), local(21, 10, 0), local(21, 11, 0), local(20, 15, 0));
        rig = new UploadRig(dir, clock, ScanningPrivacyGuard.of(List.of(), starts), URI.create("http://localhost:1"));
        rig.enrol(URI.create("http://localhost:1"));
        sessions = authority();
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
        assertEquals(List.of(), rig.scan.violations(), "privacy scan of every sealed payload");
    }

    private SessionAuthority authority() throws Exception {
        RaisedChecks raised =
                new RaisedChecks(new AlertStore(rig.db, clock), Set.of(SessionAuthority.RESET_CHECK), clock);
        return new SessionAuthority(
                new SessionLedger(rig.db),
                new RecordingVisitor(),
                raised,
                clock,
                Duration.ofSeconds(30),
                new SecureRandom());
    }

    private PeriodSealer sealer() {
        return new PeriodSealer(
                rig.db,
                rig.outbox,
                rig.enrolment,
                new LedgerUsageSource(new SessionLedger(rig.db)),
                new FakeHealth(),
                SAMPLE,
                Duration.ofMinutes(15),
                "0.1.0",
                clock);
    }

    private int sealDays() throws Exception {
        return sealer().sealUsageDays(rig.enrolment.credentials().orElseThrow());
    }

    private static Instant local(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, SOFIA).toInstant();
    }

    private Granted start(Instant at) throws Exception {
        clock.set(at);
        return sessions.start(
                VisitorKind.GUEST,
                null,
                new Demographics(AgeBand.AGE_75_PLUS, Sex.FEMALE),
                Duration.ofMinutes(60),
                null);
    }

    private void launch(Granted g, Instant at, TileCategory category) throws Exception {
        clock.set(at);
        sessions.heartbeat(g.sessionId(), g.secret());
        sessions.launch(
                g.sessionId(), g.secret(), List.of("/usr/bin/chromium", "https://example.org/"), category, Map.of());
    }

    private List<JsonNode> usageDays() throws Exception {
        List<JsonNode> days = new ArrayList<>();
        for (SealedBatch b : rig.outbox.all()) {
            if (b.kind() == BatchKind.USAGE) {
                days.add(JSON.readTree(b.json()).at("/usage/days/0"));
            }
        }
        return days;
    }

    private static Map<String, Integer> tiles(JsonNode day) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        day.path("tileCategories")
                .forEach(c -> counts.put(
                        c.path("category").asText(), c.path("sessions").asInt()));
        return counts;
    }

    @Test
    void aSessionOverMidnightCountsItsTilesOnTheDayItStartedWhichWaitsForItsEnd() throws Exception {
        Granted late = start(local(20, 23, 40));
        launch(late, local(20, 23, 45), TileCategory.LEARNING);
        launch(late, local(20, 23, 55), TileCategory.LEARNING);
        clock.set(local(21, 0, 6));
        sessions.heartbeat(late.sessionId(), late.secret());
        assertEquals(0, sealDays(), "the 20th has ended, but a session that started on it still runs");
        launch(late, local(21, 0, 10), TileCategory.E_GOVERNMENT);
        clock.set(local(21, 0, 25));
        sessions.end(late.sessionId(), late.secret(), EndReason.LOGOUT);
        assertEquals(1, sealDays(), "its session over, the 20th is sealed");

        Granted morning = start(local(21, 10, 0));
        launch(morning, local(21, 10, 5), TileCategory.LEARNING);
        clock.set(local(21, 10, 30));
        sessions.end(morning.sessionId(), morning.secret(), EndReason.LOGOUT);
        Granted noTiles = start(local(21, 11, 0));
        clock.set(local(21, 11, 20));
        sessions.end(noTiles.sessionId(), noTiles.secret(), EndReason.LOGOUT);
        sessions.startMaintenance(Duration.ofMinutes(10));
        sessions.launchForMaintenance(List.of("/usr/bin/chromium"), Map.of());
        sessions.endMaintenance();

        rig.reopen();
        sessions = authority();
        clock.set(local(22, 0, 6));
        assertEquals(1, sealDays());
        assertEquals(0, sealDays(), "each day sealed once");

        List<JsonNode> days = usageDays();
        assertEquals(
                List.of("2026-11-20", "2026-11-21"),
                days.stream().map(d -> d.path("day").asText()).toList());
        assertEquals(
                Map.of("E_GOVERNMENT", 1, "LEARNING", 1),
                tiles(days.get(0)),
                "two learning tiles and one e-government tile, one after midnight: 1 and 1 on the day it started");
        assertEquals(
                Map.of("LEARNING", 1),
                tiles(days.get(1)),
                "the night's session is not counted again; "
                        + "a session without tiles and the maintenance launch count nothing");
        assertEquals(2, days.get(1).at("/sessions/0/sessions").asInt());
    }

    @Test
    void aDayWithoutTilesIsSentWithoutTheField() throws Exception {
        Granted g = start(local(20, 15, 0));
        clock.set(local(20, 15, 30));
        sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        clock.set(local(21, 0, 6));
        assertEquals(1, sealDays());
        assertEquals(
                false,
                usageDays().get(0).has("tileCategories"),
                "left out when empty, so a collector from before tile categories still takes the day");
    }
}
