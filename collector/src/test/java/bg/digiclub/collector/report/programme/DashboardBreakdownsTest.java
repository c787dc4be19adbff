package bg.digiclub.collector.report.programme;

import static bg.digiclub.collector.report.programme.ProgrammeFixture.NORTH;
import static bg.digiclub.collector.report.programme.ProgrammeFixture.SOUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.live.SettingsStore;
import bg.digiclub.collector.report.Breakdown;
import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/** The dashboard's breakdowns: whole months only, by our own bands, with the month rule. */
class DashboardBreakdownsTest {
    /** The first moment the first quarter of 2026 has settled: its end, and 5 more days. */
    private static final Clock QUARTER_SETTLED = Clock.fixed(Instant.parse("2026-04-06T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
        "2026-01-01, 2026-01-31, true",
        "2026-01-01, 2026-03-31, true",
        "2025-12-01, 2026-02-28, true",
        "2024-02-01, 2024-02-29, true",
        "2026-01-01, 2026-01-30, false",
        "2026-01-02, 2026-01-31, false",
        "2026-01-15, 2026-02-14, false",
        "2026-02-01, 2026-02-01, false"
    })
    void onlyWholeMonthsAreBrokenDown(LocalDate from, LocalDate to, boolean whole) {
        Optional<ReportPeriod> months = DashboardBreakdowns.wholeMonths(new Period(from, to));
        assertEquals(whole, months.isPresent());
        months.ifPresent(m -> {
            assertEquals(YearMonth.from(from), m.from());
            assertEquals(YearMonth.from(to), m.to());
        });
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aClubsBreakdownIsItsMonthsPublishedByOurBands(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ProgrammeFixture.load(db);
            DashboardBreakdowns breakdowns =
                    new DashboardBreakdowns(new ClubStore(db), new VisitFigures(db), QUARTER_SETTLED);
            assertEquals(
                    new DashboardBreakdowns.NotWholeMonths(),
                    breakdowns.of(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-30"))));

            DashboardBreakdowns.Published quarter = breakdowns
                    .of(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")))
                    .published()
                    .orElseThrow();
            Breakdown north = quarter.byClub().get(NORTH);
            assertEquals(
                    new Cell(45, Cell.Visibility.EXACT),
                    north.byAgeAndSex().cell(AgeBand.AGE_30_54.ordinal(), Sex.FEMALE.ordinal()));
            // by our finer bands January's 3 women aged 65-74 are "<5", and the 5 aged 55-64 beside them
            // hidden too, in the quarter as in January (the programme report's 55+ shows their 8)
            assertNotEquals(
                    Cell.Visibility.EXACT,
                    north.byAgeAndSex()
                            .cell(AgeBand.AGE_65_74.ordinal(), Sex.FEMALE.ordinal())
                            .shown());
            assertNotEquals(
                    Cell.Visibility.EXACT,
                    north.byAgeAndSex()
                            .cell(AgeBand.AGE_55_64.ordinal(), Sex.FEMALE.ordinal())
                            .shown());
            assertEquals(new Cell(18, Cell.Visibility.EXACT), north.tiles().get(TileCategory.E_GOVERNMENT.ordinal()));
            Breakdown south = quarter.byClub().get(SOUTH);
            // January's 2 women aged 16-17 stay hidden in the quarter
            assertNotEquals(
                    Cell.Visibility.EXACT,
                    south.byAgeAndSex()
                            .cell(AgeBand.AGE_16_17.ordinal(), Sex.FEMALE.ordinal())
                            .shown());
            assertEquals(
                    new Cell(202, Cell.Visibility.EXACT),
                    quarter.all().byAgeAndSex().grandTotal());
        }
    }

    @Test
    void aCollectorWithoutClubsHasEmptyBreakdownsAndReports() throws Exception {
        try (Database db = TestDatabases.open("sqlite", temp)) {
            DashboardBreakdowns.Published none = new DashboardBreakdowns(
                            new ClubStore(db), new VisitFigures(db), QUARTER_SETTLED)
                    .of(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")))
                    .published()
                    .orElseThrow();
            assertEquals(Map.of(), none.byClub());
            assertEquals(0, none.all().byAgeAndSex().grandTotal().value());
            ProgrammeReport report = new ProgrammeReportService(
                            db,
                            new ClubStore(db),
                            new VisitFigures(db),
                            new MemberFigures(db),
                            new AvailabilityQuery(db, new SettingsStore(StrictJson.mapper())),
                            ProgrammeSettings.defaults(),
                            Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC))
                    .report(ReportScope.municipality(), ReportPeriod.month(YearMonth.of(2026, 1)))
                    .orElseThrow();
            assertEquals(0, report.visits());
            assertEquals(0, report.clubs().size());
        }
    }

    /**
     * A period of whole months still filling up gets no breakdowns, and says from which day it will:
     * the day after its last day plus {@link SettledMonths#DAYS}, by the UTC date of the reading.
     */
    @ParameterizedTest
    @CsvSource({
        "2026-03-15T12:00:00Z, 2026-01-01, 2026-03-31, 2026-04-06",
        "2026-04-05T23:59:59Z, 2026-01-01, 2026-03-31, 2026-04-06",
        "2026-04-06T00:00:00Z, 2026-01-01, 2026-03-31, ",
        "2026-04-05T23:59:59Z, 2026-01-01, 2026-02-28, ",
        "2026-03-05T23:59:59Z, 2026-02-01, 2026-02-28, 2026-03-06",
        "2025-12-31T10:00:00Z, 2026-01-01, 2026-01-31, 2026-02-06"
    })
    void aPeriodIsBrokenDownOnlyOnceItHasSettled(Instant now, LocalDate from, LocalDate to, LocalDate shownFrom)
            throws Exception {
        try (Database db = TestDatabases.open("sqlite", temp)) {
            ProgrammeFixture.load(db);
            DashboardBreakdowns.Answer answer = new DashboardBreakdowns(
                            new ClubStore(db), new VisitFigures(db), Clock.fixed(now, ZoneOffset.UTC))
                    .of(new Period(from, to));
            if (shownFrom == null) {
                assertTrue(answer instanceof DashboardBreakdowns.Shown, answer.toString());
            } else {
                assertEquals(new DashboardBreakdowns.NotSettled(shownFrom), answer);
                assertTrue(answer.published().isEmpty());
            }
        }
    }
}
