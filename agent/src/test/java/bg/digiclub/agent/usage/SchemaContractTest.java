package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionAuthority.Granted;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.SealedBatch;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.testsupport.TestClock;

/**
 * The upload contract's three spellings agree: every example in {@code docs/examples} and every
 * batch the agent seals — real sessions through the session authority and ledger, real health
 * samples and alerts, in a real SQLite store, sealed by the real sealer — is valid against
 * {@code docs/schema/*.json} (a real JSON Schema 2020-12 validator, formats asserted) and is read
 * by the collector's records with the contract's strict mapper.
 */
class SchemaContractTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final Duration SAMPLE = Duration.ofSeconds(30);
    private static final String MEMBER_CODE = "40718293";
    /** Which schema each example follows; an example missing here fails the test. */
    private static final Map<String, String> SCHEMA_OF_EXAMPLE = Map.of(
            "usage-batch.json", "batch.schema.json",
            "health-batch.json", "batch.schema.json",
            "batch-receipt.json", "batch-receipt.schema.json",
            "enrolment-request.json", "enrolment-request.schema.json",
            "enrolment-response.json", "enrolment-response.schema.json",
            "problem.json", "problem.schema.json");

    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final ObjectMapper json = StrictJson.mapper();

    @TempDir
    Path dir;

    @Test
    void everyExampleIsValidAgainstItsSchema() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(DOCS.resolve("examples"))) {
            examples = files.sorted().toList();
        }
        assertFalse(examples.isEmpty());
        assertAll(examples.stream().map(example -> (Executable) () -> {
            String name = example.getFileName().toString();
            assertTrue(SCHEMA_OF_EXAMPLE.containsKey(name), "no schema named for docs/examples/" + name);
            assertEquals(List.of(), errors(SCHEMA_OF_EXAMPLE.get(name), Files.readString(example)), name);
        }));
    }

    @Test
    void theSchemaNamesEveryAgeBandLegacyOnesIncluded() throws Exception {
        List<String> inSchema = new ArrayList<>();
        new ObjectMapper()
                .readTree(DOCS.resolve("schema").resolve("batch.schema.json").toFile())
                .at("/$defs/AgeBand/enum")
                .forEach(band -> inSchema.add(band.asText()));
        assertEquals(Stream.of(AgeBand.values()).map(AgeBand::name).toList(), inSchema);
    }

    @Test
    void everyBatchTheAgentSealsIsValidAgainstTheSchemaAndReadByTheCollectorsRecords() throws Exception {
        List<String> batches = sealedBatches();
        EnumSet<BatchKind> kinds = EnumSet.noneOf(BatchKind.class);
        Schema schema = schema("batch.schema.json");
        for (String batch : batches) {
            assertEquals(List.of(), messages(schema.validate(batch, InputFormat.JSON)), batch);
            kinds.add(json.readValue(batch, Batch.class).kind());
        }
        assertEquals(EnumSet.allOf(BatchKind.class), kinds, "every kind of batch");
        assertTrue(batches.stream().anyMatch(b -> b.contains("\"tileCategories\"")), "a day with tile categories");
        assertTrue(batches.stream().anyMatch(b -> b.contains("\"memberSessions\":1")), "a member's session");
        assertTrue(batches.stream().anyMatch(b -> b.contains("\"poweredOnMinutes\":60")), "a whole hour running");
        assertTrue(
                batches.stream().anyMatch(b -> b.contains("\"maxCpuTemperatureCelsius\":null")), "a day not measured");
        assertTrue(batches.stream().anyMatch(b -> b.contains("\"minFreeDiskPercent\":1")), "a day measured");
    }

    @Test
    void theSchemaRefusesABatchWithABrokenField() throws Exception {
        String example = Files.readString(DOCS.resolve("examples").resolve("usage-batch.json"));
        assertEquals(List.of(), errors("batch.schema.json", example));
        assertFalse(errors("batch.schema.json", broken(example, b -> b.put("schemaVersion", "1")))
                .isEmpty());
        assertFalse(errors("batch.schema.json", broken(example, b -> b.set("kinds", b.remove("kind"))))
                .isEmpty());
        assertFalse(errors("batch.schema.json", broken(example, b -> b.put("clubId", "Club 7")))
                .isEmpty());
        assertFalse(errors("batch.schema.json", broken(example, b -> b.put("periodFrom", "26-11-24T00:00:00Z")))
                .isEmpty());
        assertFalse(errors(
                        "batch.schema.json",
                        broken(example, b -> ((ObjectNode) b.at("/usage/hours/0")).put("poweredOnMinutes", 61)))
                .isEmpty());
    }

    /** {@code example} with one change made to its tree. */
    private String broken(String example, Consumer<ObjectNode> change) throws IOException {
        ObjectNode batch = (ObjectNode) json.readTree(example);
        change.accept(batch);
        return json.writeValueAsString(batch);
    }

    /** Two days of a club PC, sealed every 15 minutes as the service does; the outbox's batches as JSON. */
    private List<String> sealedBatches() throws Exception {
        TestClock clock = new TestClock(local(20, 10, 0), SOFIA);
        URI collector = URI.create("http://localhost:1");
        List<Instant> starts = List.of(local(20, 11, 7), local(20, 23, 40), local(21, 9, 15), local(21, 14, 2));
        try (UploadRig rig = new UploadRig(
                dir.resolve("pc-" + System.nanoTime()),
                clock,
                ScanningPrivacyGuard.of(List.of(MEMBER_CODE), starts),
                collector)) {
            rig.enrol(collector);
            SampleStore samples = new SampleStore(rig.db, clock);
            AlertStore alerts = new AlertStore(rig.db, clock);
            SessionAuthority sessions = new SessionAuthority(
                    new SessionLedger(rig.db),
                    new RecordingVisitor(),
                    new RaisedChecks(alerts, Set.of(SessionAuthority.RESET_CHECK), clock),
                    clock,
                    SAMPLE,
                    new SecureRandom());
            AtomicReference<Optional<HealthReport>> current = new AtomicReference<>(Optional.empty());
            StoreHealthSource health = new StoreHealthSource(samples, alerts, current::get, SAMPLE, clock);
            PeriodSealer sealer = new PeriodSealer(
                    rig.db,
                    rig.outbox,
                    rig.enrolment,
                    new LedgerUsageSource(new SessionLedger(rig.db)),
                    health,
                    SAMPLE,
                    Duration.ofMinutes(15),
                    "0.1.0",
                    clock);
            Map<Instant, Runnable> visits = new HashMap<>();
            AtomicReference<Granted> open = new AtomicReference<>();
            visits.put(
                    starts.get(0),
                    () -> open.set(start(sessions, VisitorKind.GUEST, null, AgeBand.AGE_0_15, Sex.MALE)));
            visits.put(local(20, 11, 20), () -> launch(sessions, open.get(), TileCategory.LEARNING));
            visits.put(local(20, 12, 0), () -> open.set(end(sessions, open.get())));
            visits.put(
                    starts.get(1),
                    () -> open.set(start(sessions, VisitorKind.MEMBER, MEMBER_CODE, AgeBand.AGE_75_PLUS, Sex.FEMALE)));
            visits.put(local(21, 0, 10), () -> launch(sessions, open.get(), TileCategory.E_GOVERNMENT));
            visits.put(local(21, 0, 30), () -> open.set(end(sessions, open.get())));
            visits.put(
                    starts.get(2),
                    () -> open.set(start(sessions, VisitorKind.GUEST, null, AgeBand.NOT_DECLARED, Sex.NOT_DECLARED)));
            visits.put(local(21, 9, 45), () -> open.set(end(sessions, open.get())));
            visits.put(
                    starts.get(3),
                    () -> open.set(start(sessions, VisitorKind.MEMBER, MEMBER_CODE, AgeBand.AGE_30_54, Sex.MALE)));
            visits.put(local(21, 14, 30), () -> open.set(end(sessions, open.get())));
            // the PC runs from the 20th 10:00 to the 22nd 00:30, but is off on the 21st from 16:00 to 18:00
            for (Instant t = clock.instant(); t.isBefore(local(22, 0, 30)); t = t.plus(SAMPLE)) {
                clock.set(t);
                Runnable visit = visits.get(t);
                if (visit != null) {
                    visit.run();
                }
                if (open.get() != null && t.getEpochSecond() % 60 == 0) {
                    heartbeat(sessions, open.get());
                }
                boolean off = !t.isBefore(local(21, 16, 0)) && t.isBefore(local(21, 18, 0));
                if (off) {
                    current.set(Optional.empty());
                    continue;
                }
                Map<String, Double> metrics = new HashMap<>();
                metrics.put(Metric.UPTIME_S, (double)
                        (t.getEpochSecond() - local(20, 9, 0).getEpochSecond()));
                metrics.put(Metric.fsFreePct("/"), 18.0 - (t.getEpochSecond() % 7000) / 1000.0);
                if (t.isBefore(local(21, 0, 0))) {
                    metrics.put(Metric.CPU_TEMPERATURE_C, 48.25);
                }
                samples.append(new HealthSample(t, metrics, List.of(), List.of()));
                current.set(Optional.of(new HealthReport(
                        HealthStatus.WARN,
                        t,
                        List.of(
                                new CheckReport("disk:/", HealthStatus.WARN, "15 % free", t),
                                new CheckReport("disk:/media/ivan/USB", HealthStatus.OK, "80 % free", t),
                                new CheckReport("memory", HealthStatus.OK, "40 % used", t)))));
                if (t.equals(local(20, 15, 0))) {
                    alerts.record(new StatusChange("disk:/", HealthStatus.OK, HealthStatus.WARN, t, "15 % free"));
                }
                if (t.getEpochSecond() % 900 == 0) {
                    sealer.sealDue();
                }
            }
            clock.set(local(22, 0, 30));
            sealer.sealDue();
            List<String> out = new ArrayList<>();
            for (SealedBatch b : rig.outbox.all()) {
                out.add(b.json());
            }
            assertEquals(List.of(), rig.scan.violations(), "privacy scan of every sealed payload");
            assertTrue(out.size() > 100, "health every slot and a usage batch a day: " + out.size());
            return out;
        }
    }

    private List<String> errors(String schemaFile, String instance) throws IOException {
        return messages(schema(schemaFile).validate(instance, InputFormat.JSON));
    }

    private Schema schema(String file) throws IOException {
        try (InputStream in = Files.newInputStream(DOCS.resolve("schema").resolve(file))) {
            return schemas.getSchema(in);
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static Instant local(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, SOFIA).toInstant();
    }

    private static Granted start(SessionAuthority sessions, VisitorKind kind, String memberCode, AgeBand age, Sex sex) {
        try {
            return sessions.start(kind, memberCode, new Demographics(age, sex), Duration.ofHours(2), null);
        } catch (Exception e) {
            throw new AssertionError("the session could not start", e);
        }
    }

    private static void launch(SessionAuthority sessions, Granted g, TileCategory category) {
        try {
            sessions.launch(g.sessionId(), g.secret(), List.of("/usr/bin/chromium"), category, Map.of());
        } catch (Exception e) {
            throw new AssertionError("the launch failed", e);
        }
    }

    private static void heartbeat(SessionAuthority sessions, Granted g) {
        try {
            sessions.heartbeat(g.sessionId(), g.secret());
        } catch (Exception e) {
            throw new AssertionError("the heartbeat failed", e);
        }
    }

    /** Ends the session; null: no session is open any more. */
    private static Granted end(SessionAuthority sessions, Granted g) {
        try {
            sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
            return null;
        } catch (Exception e) {
            throw new AssertionError("the session could not end", e);
        }
    }
}
