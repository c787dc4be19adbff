package bg.digiclub.collector.report.programme;

import static bg.digiclub.collector.report.programme.ProgrammeFixture.NORTH;
import static bg.digiclub.collector.report.programme.ProgrammeFixture.SOUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.report.ClubCounts;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/** The report's exact figures, month by month, on both databases ({@link ProgrammeFixture}'s hand sums). */
class VisitFiguresTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void monthsHoldEveryClubsCountsOfTheirDays(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            List<VisitFigures.Month> months = new VisitFigures(db).months(ReportPeriod.quarter(2026, 1));

            assertEquals(
                    List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3)),
                    months.stream().map(VisitFigures.Month::month).toList());
            assertEquals(Map.of(NORTH, 47L, SOUTH, 29L), months.get(0).visits());
            assertEquals(Map.of(NORTH, 36L, SOUTH, 30L), months.get(1).visits());
            assertEquals(
                    60,
                    months.get(2).visits().values().stream()
                            .mapToLong(Long::longValue)
                            .sum());

            ClubCounts northJanuary = months.get(0).counts().get(NORTH);
            assertEquals(20, cell(northJanuary, AgeBand.AGE_30_54, Sex.FEMALE)); // two days: 12 + 8
            assertEquals(10, cell(northJanuary, AgeBand.AGE_30_54, Sex.MALE));
            assertEquals(5, cell(northJanuary, AgeBand.AGE_55_64, Sex.FEMALE));
            assertEquals(3, cell(northJanuary, AgeBand.AGE_65_74, Sex.FEMALE));
            assertEquals(9, cell(northJanuary, AgeBand.NOT_DECLARED, Sex.NOT_DECLARED));
            assertEquals(7, northJanuary.tileCategories()[TileCategory.E_GOVERNMENT.ordinal()]);
            assertEquals(10, northJanuary.tileCategories()[TileCategory.LEARNING.ordinal()]);
            assertEquals(0, northJanuary.tileCategories()[TileCategory.HEALTH.ordinal()]);

            ClubCounts southJanuary = months.get(0).counts().get(SOUTH);
            assertEquals(2, cell(southJanuary, AgeBand.AGE_16_17, Sex.FEMALE));
            assertEquals(3, southJanuary.tileCategories()[TileCategory.E_GOVERNMENT.ordinal()]);
            ClubCounts southMarch = months.get(2).counts().get(SOUTH);
            assertEquals(11, cell(southMarch, AgeBand.AGE_30_54, Sex.FEMALE));
            assertEquals(0, cell(southMarch, AgeBand.AGE_16_17, Sex.FEMALE));
            assertEquals(8, southMarch.tileCategories()[TileCategory.E_GOVERNMENT.ordinal()]);
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aMonthWithNothingCountedIsThereEmpty(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            List<VisitFigures.Month> months =
                    new VisitFigures(db).months(ReportPeriod.custom(YearMonth.of(2026, 3), YearMonth.of(2026, 4)));
            assertEquals(2, months.size());
            assertEquals(Map.of(), months.get(1).visits());
            assertEquals(Map.of(), months.get(1).counts());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void operationCountsPcsAndFirstDaysUpToThePeriodsEnd(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            VisitFigures figures = new VisitFigures(db);
            var clubs = new ClubStore(db).clubs();

            List<ProgrammeReport.ClubOperation> quarter = operation(figures, clubs, ReportPeriod.quarter(2026, 1));
            ProgrammeReport.ClubOperation north = find(quarter, NORTH);
            assertEquals(2, north.enrolledPcs());
            assertEquals(2, north.activePcs());
            assertEquals(LocalDate.parse("2025-12-15"), north.enrolledOn());
            assertEquals(LocalDate.parse("2025-12-20"), north.firstSession());
            assertEquals(115, north.visits()); // December's 3 are outside the quarter
            ProgrammeReport.ClubOperation south = find(quarter, SOUTH);
            assertEquals(1, south.enrolledPcs()); // the revoked PC is not counted
            assertEquals(1, south.activePcs());
            assertEquals(LocalDate.parse("2025-11-01"), south.enrolledOn()); // but it was the first enrolled
            assertEquals(LocalDate.parse("2026-01-12"), south.firstSession());
            assertEquals(87, south.visits());

            List<ProgrammeReport.ClubOperation> january =
                    operation(figures, clubs, ReportPeriod.month(YearMonth.of(2026, 1)));
            assertEquals(1, find(january, NORTH).enrolledPcs()); // north-2 came in February
            assertEquals(1, find(january, NORTH).activePcs());
            assertEquals(47, find(january, NORTH).visits());

            List<ProgrammeReport.ClubOperation> november =
                    operation(figures, clubs, ReportPeriod.month(YearMonth.of(2025, 11)));
            assertEquals(0, find(november, NORTH).enrolledPcs());
            assertNull(find(november, NORTH).enrolledOn());
            assertNull(find(november, NORTH).firstSession());
            assertNull(find(november, SOUTH).firstSession());
            assertEquals(1, find(november, SOUTH).activePcs()); // the PC since revoked was on then
        }
    }

    /** The clubs' operation with the period's months, as the report reads them. */
    private static List<ProgrammeReport.ClubOperation> operation(
            VisitFigures figures, List<Club> clubs, ReportPeriod period) throws SQLException {
        return figures.operation(clubs, period, figures.months(period));
    }

    private static long cell(ClubCounts counts, AgeBand band, Sex sex) {
        return counts.demographics()[band.ordinal()][sex.ordinal()];
    }

    private static ProgrammeReport.ClubOperation find(List<ProgrammeReport.ClubOperation> clubs, String id) {
        return clubs.stream().filter(c -> c.clubId().equals(id)).findFirst().orElseThrow();
    }
}
