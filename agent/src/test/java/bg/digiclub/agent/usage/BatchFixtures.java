package bg.digiclub.agent.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import bg.digiclub.agent.upload.BatchWriter;
import bg.digiclub.agent.upload.SealInfo;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * Batches of every kind and shape the agent seals, as the aggregation hands them to the writer:
 * optional fields present and absent, every enum value, zones with and without DST, edge values.
 * Their JSON is pinned byte for byte in {@code src/test/resources/bg/digiclub/agent/usage/batches/}.
 */
final class BatchFixtures {
    static final UUID DEVICE = UUID.fromString("b7e2d9a4-1c6f-4e8b-a3d5-9f0c2e7b4a61");
    static final String CLUB = "sz-rodina-1860";
    static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    /** One batch: the outbox's part, the envelope and the content; only the lists of its kind are used. */
    record Fixture(
            String name,
            SealInfo info,
            Envelope env,
            List<HourTotals> hours,
            List<DayTotals> days,
            List<Snapshot> snapshots,
            List<HealthDayTotals> healthDays) {
        /** The payload as the agent writes it. */
        byte[] json() {
            return BatchWriter.of(i -> info.kind() == BatchKind.USAGE
                            ? BatchRecords.usage(i, env, hours, days)
                            : BatchRecords.health(i, env, snapshots, healthDays))
                    .write(info);
        }
    }

    private BatchFixtures() {}

    static List<Fixture> all() {
        List<Fixture> all = new ArrayList<>();
        all.add(usage(
                "usage-quiet-day",
                seal(1, 0, 0, BatchKind.USAGE),
                day(LocalDate.of(2026, 11, 24), SOFIA),
                List.of(),
                List.of(new DayTotals(LocalDate.of(2026, 11, 24), Map.of(), 0, Map.of()))));
        all.add(usage(
                "usage-busy-day",
                seal(7, 2, 5, BatchKind.USAGE),
                day(LocalDate.of(2026, 11, 24), SOFIA),
                List.of(
                        new HourTotals(Instant.parse("2026-11-24T07:00:00Z"), 0, 0, 0, 42),
                        new HourTotals(Instant.parse("2026-11-24T08:00:00Z"), 3, 2, 55, 60),
                        new HourTotals(Instant.parse("2026-11-24T09:00:00Z"), 600, 0, 60, 60),
                        new HourTotals(Instant.parse("2026-11-24T21:00:00Z"), 0, 1, 1, 1)),
                List.of(new DayTotals(
                        LocalDate.of(2026, 11, 24), everyCell(BANDS_BEFORE_ISSUE_14), 17, everyCategory()))));
        all.add(usage(
                "usage-every-band",
                seal(10, 0, 0, BatchKind.USAGE),
                day(LocalDate.of(2026, 11, 26), SOFIA),
                List.of(new HourTotals(Instant.parse("2026-11-26T09:00:00Z"), 600, 0, 60, 60)),
                List.of(new DayTotals(LocalDate.of(2026, 11, 26), everyCell(List.of(AgeBand.values())), 0, Map.of()))));
        all.add(usage(
                "usage-tiles-all-zero",
                seal(8, 0, 0, BatchKind.USAGE),
                day(LocalDate.of(2026, 11, 25), SOFIA),
                List.of(new HourTotals(Instant.parse("2026-11-25T10:00:00Z"), 1, 0, 30, 60)),
                List.of(new DayTotals(
                        LocalDate.of(2026, 11, 25),
                        cells(
                                new Demographics(AgeBand.AGE_65_74, Sex.FEMALE),
                                1,
                                new Demographics(AgeBand.AGE_18_24, Sex.MALE),
                                0),
                        0,
                        Map.of(TileCategory.LEARNING, 0)))));
        all.add(usage(
                "usage-dst-day-25-hours",
                seal(4_294_967_296L, 1_000_000, 0, BatchKind.USAGE),
                day(LocalDate.of(2026, 10, 25), SOFIA),
                List.of(
                        new HourTotals(Instant.parse("2026-10-24T22:00:00Z"), 0, 0, 0, 60),
                        new HourTotals(Instant.parse("2026-10-25T21:00:00Z"), 0, 1, 20, 60)),
                List.of(new DayTotals(
                        LocalDate.of(2026, 10, 25),
                        Map.of(Demographics.NOT_DECLARED, 1),
                        1,
                        Map.of(TileCategory.E_GOVERNMENT, 1)))));
        all.add(usage(
                "usage-two-days-far-zone",
                seal(3, 0, 1_000_000, BatchKind.USAGE),
                new Envelope(
                        DEVICE,
                        "a".repeat(63),
                        "0.1.0-SNAPSHOT",
                        ZoneId.of("America/Argentina/Buenos_Aires"),
                        Instant.parse("2026-11-24T03:00:00Z"),
                        Instant.parse("2026-11-26T03:00:00Z")),
                List.of(new HourTotals(Instant.parse("2026-11-24T03:00:00Z"), 1, 0, 60, 60)),
                List.of(
                        new DayTotals(
                                LocalDate.of(2026, 11, 24),
                                Map.of(new Demographics(AgeBand.AGE_0_15, Sex.MALE), 1),
                                0,
                                Map.of(TileCategory.BROWSING, 1, TileCategory.FAMILY, 1)),
                        new DayTotals(LocalDate.of(2026, 11, 25), Map.of(), 0, Map.of()))));
        Instant slot = Instant.parse("2026-11-24T08:15:00Z");
        Envelope quarter = new Envelope(DEVICE, CLUB, "1.4.0", SOFIA, slot, slot.plusSeconds(900));
        all.add(health(
                "health-snapshot-and-days",
                seal(9, 0, 3, BatchKind.HEALTH),
                quarter,
                List.of(new Snapshot(slot, HealthStatus.CRIT, everyCheck())),
                List.of(
                        new HealthDayTotals(
                                LocalDate.of(2026, 11, 23),
                                everyCheck(),
                                OptionalDouble.of(12.345),
                                OptionalDouble.of(71.25),
                                3,
                                1440),
                        new HealthDayTotals(
                                LocalDate.of(2026, 11, 22),
                                Map.of("memory", HealthStatus.OK),
                                OptionalDouble.of(99.96),
                                OptionalDouble.of(-60),
                                0,
                                0),
                        new HealthDayTotals(
                                LocalDate.of(2026, 11, 21),
                                Map.of(),
                                OptionalDouble.empty(),
                                OptionalDouble.of(Double.NaN),
                                1_000_000,
                                1500),
                        new HealthDayTotals(
                                LocalDate.of(2026, 10, 10),
                                Map.of("cpu-temperature", HealthStatus.WARN),
                                OptionalDouble.of(42),
                                OptionalDouble.of(151),
                                0,
                                60))));
        all.add(health(
                "health-snapshot-only",
                seal(10, 0, 0, BatchKind.HEALTH),
                quarter,
                List.of(new Snapshot(
                        slot, HealthStatus.OK, Map.of("memory", HealthStatus.OK, "disk:/", HealthStatus.OK))),
                List.of()));
        all.add(health(
                "health-days-only",
                seal(11, 0, 0, BatchKind.HEALTH),
                new Envelope(
                        DEVICE,
                        CLUB,
                        "dev",
                        SOFIA,
                        Instant.parse("2026-11-24T00:00:00Z"),
                        Instant.parse("2026-11-24T00:15:00Z")),
                List.of(),
                List.of(new HealthDayTotals(
                        LocalDate.of(2026, 11, 23),
                        Map.of("database", HealthStatus.CRIT, "visitor-reset", HealthStatus.UNKNOWN),
                        OptionalDouble.of(0),
                        OptionalDouble.empty(),
                        0,
                        5))));
        all.add(health(
                "health-empty-snapshot",
                seal(12, 0, 0, BatchKind.HEALTH),
                quarter,
                List.of(new Snapshot(slot, HealthStatus.UNKNOWN, Map.of())),
                List.of()));
        return all;
    }

    /** The envelope of a usage day: local midnight to local midnight. */
    static Envelope day(LocalDate day, ZoneId zone) {
        return new Envelope(
                DEVICE,
                CLUB,
                "0.1.0",
                zone,
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static SealInfo seal(long sequence, long evictedUsage, long evictedHealth, BatchKind kind) {
        UUID id = UUID.nameUUIDFromBytes(("batch " + sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new SealInfo(id, kind, sequence, Map.of(BatchKind.USAGE, evictedUsage, BatchKind.HEALTH, evictedHealth));
    }

    private static Fixture usage(
            String name, SealInfo info, Envelope env, List<HourTotals> hours, List<DayTotals> days) {
        return new Fixture(name, info, env, hours, days, List.of(), List.of());
    }

    private static Fixture health(
            String name, SealInfo info, Envelope env, List<Snapshot> snapshots, List<HealthDayTotals> days) {
        return new Fixture(name, info, env, List.of(), List.of(), snapshots, days);
    }

    /** Every age band and sex, in reverse order (the writer sorts them); one cell empty (left out). */
    /** The bands as they were when the busy day's golden bytes were written (its cells' counts follow them). */
    private static final List<AgeBand> BANDS_BEFORE_ISSUE_14 = List.of(
            AgeBand.AGE_0_15,
            AgeBand.AGE_16_17,
            AgeBand.AGE_18_24,
            AgeBand.AGE_25_29,
            AgeBand.AGE_30_54,
            AgeBand.AGE_55_64,
            AgeBand.AGE_65_74,
            AgeBand.AGE_75_PLUS,
            AgeBand.NOT_DECLARED);

    /** Every band x sex of {@code bands}, in reverse order, counts 1 2 3 4 0 1 ... (zeros left out). */
    private static Map<Demographics, Integer> everyCell(List<AgeBand> bands) {
        Map<Demographics, Integer> cells = new LinkedHashMap<>();
        int n = 1;
        Sex[] sexes = Sex.values();
        for (int b = bands.size() - 1; b >= 0; b--) {
            for (int s = sexes.length - 1; s >= 0; s--) {
                cells.put(new Demographics(bands.get(b), sexes[s]), n++ % 5);
            }
        }
        return cells;
    }

    /** Every tile category, in reverse order, one of them at zero (left out). */
    private static Map<TileCategory, Integer> everyCategory() {
        Map<TileCategory, Integer> tiles = new LinkedHashMap<>();
        TileCategory[] all = TileCategory.values();
        for (int i = all.length - 1; i >= 0; i--) {
            tiles.put(all[i], i == 2 ? 0 : i + 1);
        }
        return tiles;
    }

    private static Map<Demographics, Integer> cells(Demographics a, int na, Demographics b, int nb) {
        Map<Demographics, Integer> cells = new LinkedHashMap<>();
        cells.put(a, na);
        cells.put(b, nb);
        return cells;
    }

    /** Check names of every shape the protocol allows, each status. */
    private static Map<String, HealthStatus> everyCheck() {
        Map<String, HealthStatus> checks = new LinkedHashMap<>();
        checks.put("memory", HealthStatus.OK);
        checks.put("disk:/", HealthStatus.WARN);
        checks.put("disk:C:\\", HealthStatus.CRIT);
        checks.put("disk:other", HealthStatus.UNKNOWN);
        checks.put("cpu-temperature", HealthStatus.WARN);
        checks.put("fan:1", HealthStatus.OK);
        checks.put("staff-pin", HealthStatus.CRIT);
        return checks;
    }
}
