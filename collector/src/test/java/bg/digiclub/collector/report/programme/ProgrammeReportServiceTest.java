package bg.digiclub.collector.report.programme;

import static bg.digiclub.collector.report.programme.ProgrammeFixture.NORTH;
import static bg.digiclub.collector.report.programme.ProgrammeFixture.SOUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.live.SettingsStore;
import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.store.BatchStore;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.store.DeviceIdentity;
import bg.digiclub.collector.store.StoreOutcome;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * The service on a real database: {@link ProgrammeFixture}'s two clubs over three months, every
 * exact figure as summed by hand there, and the suppression where a month hides a cell.
 */
class ProgrammeReportServiceTest {
    private static final Instant NOW = Instant.parse("2026-04-10T08:00:00Z");

    /** Rows of the default bands: 0-17, 18-29, 30-54, 55+, not declared. */
    private static final int AGE_30_54 = 2;

    private static final int AGE_55_PLUS = 3;
    private static final int NOT_DECLARED = 4;
    private static final int AGE_0_17 = 0;
    private static final int AGE_18_29 = 1;

    @TempDir
    Path temp;

    private static ProgrammeReportService service(Database db, ProgrammeSettings settings) {
        return service(db, settings, NOW);
    }

    private static ProgrammeReportService service(Database db, ProgrammeSettings settings, Instant now) {
        return new ProgrammeReportService(
                db,
                new ClubStore(db),
                new VisitFigures(db),
                new MemberFigures(db),
                new AvailabilityQuery(db, new SettingsStore(StrictJson.mapper())),
                settings,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ProgrammeReportService service(Database db) {
        return service(db, new ProgrammeSettings(ReportBands.defaults(), "Община Горно-Долно"));
    }

    private static Cell cell(ProgrammeReport report, int row, Sex sex) {
        return report.visitsByAgeAndSex().table().cell(row, sex.ordinal());
    }

    private static Cell tile(ProgrammeReport report, TileCategory category) {
        return report.tileSessions().get(category.ordinal()).sessions();
    }

    private static void exact(long expected, Cell cell) {
        assertEquals(new Cell(expected, Cell.Visibility.EXACT), cell);
    }

    /**
     * The same quarter read on 2 April and on 5 April, while March is still filling up: a reader
     * who subtracted the two readings would get the visits in between by age and sex. Until the
     * quarter has settled (ended, and five days for late uploads) every breakdown is "x" and the
     * members' table is not given; the totals are exact at once, and availability counts the days
     * up to yesterday only.
     */
    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aPeriodStillFillingUpShowsItsTotalsAndWithholdsItsBreakdowns(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            ProgrammeSettings settings = new ProgrammeSettings(ReportBands.defaults(), "Община Горно-Долно");
            ReportPeriod quarter = ReportPeriod.quarter(2026, 1);
            ProgrammeReport early = service(db, settings, Instant.parse("2026-04-05T08:00:00Z"))
                    .report(ReportScope.club(NORTH), quarter)
                    .orElseThrow();
            ProgrammeReport settled =
                    service(db).report(ReportScope.club(NORTH), quarter).orElseThrow();

            assertEquals(115, early.visits());
            assertEquals(settled.visitsByMonth(), early.visitsByMonth());
            assertEquals(settled.clubs(), early.clubs());
            assertEquals(settled.members(), early.members());
            exact(115, early.visitsByAgeAndSex().table().grandTotal());
            SuppressedTable table = early.visitsByAgeAndSex().table();
            for (int r = 0; r < table.rows(); r++) {
                assertEquals(Cell.Visibility.COMPLEMENTARY, table.rowTotals()[r].shown());
                for (int c = 0; c < table.columns(); c++) {
                    assertEquals(Cell.Visibility.COMPLEMENTARY, table.cell(r, c).shown(), "row " + r + " column " + c);
                }
            }
            assertEquals(Cell.Visibility.COMPLEMENTARY, early.youthVisits().shown());
            assertTrue(
                    early.tileSessions().stream().allMatch(t -> t.sessions().shown() == Cell.Visibility.COMPLEMENTARY));
            assertNull(early.membersByAgeAndSex());
            assertNull(early.youthMembers());
            // the settled reading shows them (45 women 30-54, as in the test above)
            exact(45, cell(settled, AGE_30_54, Sex.FEMALE));
            // a period that has not begun yet has no availability to count
            assertEquals(
                    List.of(),
                    service(db, settings, Instant.parse("2026-03-31T08:00:00Z"))
                            .report(ReportScope.club(NORTH), ReportPeriod.quarter(2026, 2))
                            .orElseThrow()
                            .availability());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aClubWithoutSmallCountsShowsEveryFigureAsTheSumOfItsMonths(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            ProgrammeReport north = service(db)
                    .report(ReportScope.club(NORTH), ReportPeriod.quarter(2026, 1))
                    .orElseThrow();

            assertEquals("НЧ „Север“", north.scopeName());
            assertEquals(NOW, north.generatedAt());
            assertEquals(
                    List.of(
                            new ProgrammeReport.MonthVisits(YearMonth.of(2026, 1), 47),
                            new ProgrammeReport.MonthVisits(YearMonth.of(2026, 2), 36),
                            new ProgrammeReport.MonthVisits(YearMonth.of(2026, 3), 32)),
                    north.visitsByMonth());
            assertEquals(115, north.visits());
            assertEquals(
                    List.of("0-17", "18-29", "30-54", "55+", "not-declared"),
                    north.visitsByAgeAndSex().rows());
            exact(45, cell(north, AGE_30_54, Sex.FEMALE)); // 20 + 15 + 10
            exact(27, cell(north, AGE_30_54, Sex.MALE)); // 10 + 10 + 7
            exact(23, cell(north, AGE_55_PLUS, Sex.FEMALE)); // (5 + 3) + 6 + 9
            exact(20, cell(north, NOT_DECLARED, Sex.NOT_DECLARED)); // 9 + 5 + 6
            exact(0, cell(north, AGE_0_17, Sex.FEMALE));
            SuppressedTable table = north.visitsByAgeAndSex().table();
            exact(72, table.rowTotals()[AGE_30_54]);
            exact(68, table.columnTotals()[Sex.FEMALE.ordinal()]); // 45 + 23
            exact(115, table.grandTotal());
            exact(0, north.youthVisits());
            exact(18, tile(north, TileCategory.E_GOVERNMENT)); // 7 + 6 + 5
            exact(30, tile(north, TileCategory.LEARNING)); // 10 + 12 + 8
            exact(0, tile(north, TileCategory.HEALTH));

            ProgrammeReport.ClubOperation operation = north.clubs().get(0);
            assertEquals(1, north.clubs().size());
            assertEquals(2, operation.enrolledPcs());
            assertEquals(2, operation.activePcs());
            assertEquals(LocalDate.parse("2025-12-15"), operation.enrolledOn());
            assertEquals(LocalDate.parse("2025-12-20"), operation.firstSession());
            assertEquals(115, operation.visits());
            assertEquals(
                    List.of(1, 2),
                    north.availability().stream()
                            .map(ProgrammeReport.PcAvailability::pcNumber)
                            .toList());
            assertTrue(north.availability().stream().allMatch(pc -> pc.clubId().equals(NORTH)));
            assertEquals(7, north.members(), "card 1 came twice and counts once");
            // a quarter is a calendar period: members by age and sex, published (D3)
            assertEquals(
                    List.of("0-17", "18-29", "30-54", "55+", "not-declared"),
                    north.membersByAgeAndSex().rows());
            exact(7, north.membersByAgeAndSex().table().grandTotal());
            assertNotNull(north.youthMembers());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCellHiddenInOneMonthIsHiddenInEveryPeriodHoldingThatMonth(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            ProgrammeReportService service = service(db);
            ReportScope south = ReportScope.club(SOUTH);

            // January alone: the two 16-17-year-old women are "<5"
            ProgrammeReport january = service.report(south, ReportPeriod.month(YearMonth.of(2026, 1)))
                    .orElseThrow();
            assertEquals(
                    Cell.Visibility.SMALL, cell(january, AGE_0_17, Sex.FEMALE).shown());
            exact(29, january.visitsByAgeAndSex().table().grandTotal());
            assertEquals(
                    Cell.Visibility.SMALL,
                    tile(january, TileCategory.E_GOVERNMENT).shown());

            // the quarter: still hidden, and so is youth (15-17 + 18-29), whose 18-29 part is shown
            ProgrammeReport quarter =
                    service.report(south, ReportPeriod.quarter(2026, 1)).orElseThrow();
            assertNotEquals(
                    Cell.Visibility.EXACT, cell(quarter, AGE_0_17, Sex.FEMALE).shown());
            assertNotEquals(Cell.Visibility.EXACT, quarter.youthVisits().shown());
            assertNotEquals(
                    Cell.Visibility.EXACT,
                    tile(quarter, TileCategory.E_GOVERNMENT).shown());
            exact(87, quarter.visitsByAgeAndSex().table().grandTotal());
            assertEquals(87, quarter.visits());

            // February and March hide nothing: every figure is their sum
            ProgrammeReport spring = service.report(
                            south, ReportPeriod.custom(YearMonth.of(2026, 2), YearMonth.of(2026, 3)))
                    .orElseThrow();
            exact(13, cell(spring, AGE_18_29, Sex.FEMALE)); // 8 + 5
            exact(11, cell(spring, AGE_18_29, Sex.MALE)); // 6 + 5
            exact(21, cell(spring, AGE_30_54, Sex.FEMALE)); // 10 + 11
            exact(24, spring.youthVisits()); // 18-29 only: 14 + 10
            exact(17, tile(spring, TileCategory.E_GOVERNMENT)); // 9 + 8
            exact(58, spring.visitsByAgeAndSex().table().grandTotal());
            assertEquals(1, spring.members());
            assertNull(spring.membersByAgeAndSex(), "no member breakdown for a custom period");
            assertNull(spring.youthMembers());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theMunicipalityAddsTheClubsAndHidesWhatWouldRevealAClub(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            ProgrammeReport all = service(db)
                    .report(ReportScope.municipality(), ReportPeriod.quarter(2026, 1))
                    .orElseThrow();
            assertEquals("Община Горно-Долно", all.scopeName());
            assertEquals(
                    List.of(76L, 66L, 60L),
                    all.visitsByMonth().stream()
                            .map(ProgrammeReport.MonthVisits::visits)
                            .toList());
            assertEquals(202, all.visits()); // 115 + 87
            assertEquals(8, all.members()); // 7 + 1
            exact(202, all.visitsByAgeAndSex().table().grandTotal());
            assertEquals(
                    List.of(NORTH, SOUTH),
                    all.clubs().stream()
                            .map(ProgrammeReport.ClubOperation::clubId)
                            .toList());
            assertEquals(87, all.clubs().get(1).visits());
            assertEquals(1, all.clubs().get(1).enrolledPcs());
            // north shows nothing hidden, south hides 0-17 women in January: so does the sum
            assertNotEquals(
                    Cell.Visibility.EXACT, cell(all, AGE_0_17, Sex.FEMALE).shown());
            // January's e-government: 7 + "<5" would give south's 3 away
            assertNotEquals(
                    Cell.Visibility.EXACT, tile(all, TileCategory.E_GOVERNMENT).shown());
            exact(30, tile(all, TileCategory.LEARNING)); // north's alone, south's are 0
            exact(20 + 18, cell(all, NOT_DECLARED, Sex.NOT_DECLARED));
            assertEquals(3, all.availability().size(), "north's two PCs and south's one; the revoked left out");
            assertFalse(all.availability().stream().anyMatch(pc -> pc.pcNumber() == 0));
        }
    }

    /**
     * A period that has not settled shows its members' total only, so its report reads that total and
     * not the other periods of the year that the breakdown's protection needs.
     */
    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aPeriodStillFillingUpReadsOnlyItsMembersTotal(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            MemberFigures members = new MemberFigures(db);
            List<LocalDate> readFrom = new ArrayList<>();
            MemberSource counting = (from, to) -> {
                readFrom.add(from);
                return members.countAll(from, to);
            };
            ProgrammeReportService early = new ProgrammeReportService(
                    db,
                    new ClubStore(db),
                    new VisitFigures(db),
                    counting,
                    new AvailabilityQuery(db, new SettingsStore(StrictJson.mapper())),
                    new ProgrammeSettings(ReportBands.defaults(), "Община Горно-Долно"),
                    Clock.fixed(Instant.parse("2026-04-05T08:00:00Z"), ZoneOffset.UTC));

            ProgrammeReport report = early.report(ReportScope.club(NORTH), ReportPeriod.quarter(2026, 1))
                    .orElseThrow();

            assertEquals(7, report.members());
            assertEquals(List.of(LocalDate.of(2026, 1, 1)), readFrom, "the quarter's members, read once");
        }
    }

    /**
     * A batch stored while a report is being made (here: when the members are read, after the visits
     * by month and before the clubs' operation) is in none of its figures: the report is one snapshot.
     * Read in separate snapshots, the clubs' visits would count the batch and the months would not.
     */
    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aBatchStoredWhileAReportIsMadeIsInNoneOfItsFigures(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            MemberFigures members = new MemberFigures(db);
            int[] stored = {0};
            MemberSource storingABatchFirst = (from, to) -> {
                if (stored[0]++ == 0) {
                    assertEquals(
                            StoreOutcome.Stored.class, storeSixVisits(db, clock).getClass());
                }
                return members.countAll(from, to);
            };
            ProgrammeReportService service = new ProgrammeReportService(
                    db,
                    new ClubStore(db),
                    new VisitFigures(db),
                    storingABatchFirst,
                    new AvailabilityQuery(db, new SettingsStore(StrictJson.mapper())),
                    new ProgrammeSettings(ReportBands.defaults(), "Община Горно-Долно"),
                    clock);
            ReportPeriod quarter = ReportPeriod.quarter(2026, 1);

            ProgrammeReport during =
                    service.report(ReportScope.club(NORTH), quarter).orElseThrow();
            assertTrue(stored[0] > 0, "the batch was stored while the report was made");
            assertEquals(115, during.visits(), "the visits by month, read before the batch");
            assertEquals(115, during.clubs().get(0).visits(), "the club's visits, read after it, agree");
            exact(115, during.visitsByAgeAndSex().table().grandTotal());

            ProgrammeReport after =
                    service.report(ReportScope.club(NORTH), quarter).orElseThrow();
            assertEquals(121, after.visits(), "the next report has the batch's six visits");
            assertEquals(121, after.clubs().get(0).visits());
        }
    }

    /** A real usage batch of north's first PC: six visits on 2026-03-25 (women 30-54), through the store. */
    private static StoreOutcome storeSixVisits(Database db, Clock clock) {
        UUID device = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        Batch batch = Batch.usage(
                UUID.randomUUID(),
                device,
                NORTH,
                "0.1.0",
                "Europe/Sofia",
                Instant.parse("2026-03-24T22:00:00Z"),
                Instant.parse("2026-03-25T22:00:00Z"),
                1,
                Evictions.NONE,
                new UsagePayload(
                        List.of(new HourUsage(Instant.parse("2026-03-25T08:00:00Z"), 6, 6, 0, 40, 60)),
                        List.of(new DayUsage(
                                LocalDate.parse("2026-03-25"),
                                List.of(new DemographicCount(AgeBand.AGE_30_54, Sex.FEMALE, 6)),
                                0,
                                List.of()))));
        try {
            ObjectMapper json = StrictJson.mapper();
            return new BatchStore(db, clock, json)
                    .store(
                            batch,
                            Secrets.sha256(json.writeValueAsBytes(batch)),
                            new DeviceIdentity(
                                    device,
                                    NORTH,
                                    ProgrammeFixture.SOFIA,
                                    false,
                                    Instant.parse("2025-12-15T08:00:00Z")));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the batch could not be stored", e);
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void anUnknownClubHasNoReport(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            assertTrue(service(db)
                    .report(ReportScope.club("nowhere"), ReportPeriod.year(2026))
                    .isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void configuredBandsShapeTheTables(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            ReportBands coarse = ReportBands.of(List.of("0-29", "30+"), "18-29");
            ProgrammeReport north = service(db, new ProgrammeSettings(coarse, ""))
                    .report(ReportScope.club(NORTH), ReportPeriod.month(YearMonth.of(2026, 2)))
                    .orElseThrow();
            assertEquals(
                    List.of("0-29", "30+", "not-declared"),
                    north.visitsByAgeAndSex().rows());
            exact(21, cell(north, 1, Sex.FEMALE)); // 30-54 15 + 55-64 6
            exact(31, north.visitsByAgeAndSex().table().rowTotals()[1]);
        }
    }
}
