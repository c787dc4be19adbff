package bg.digiclub.collector.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.Cell.Visibility;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * A programme report made in the test, so the API's tests choose what is hidden: visits per month
 * and club read from the real database's {@code club_months} (what the device API stored), and
 * around them cells whose hidden values are markers ({@link #HIDDEN}) that no answer of the API may
 * hold (the real {@code ProgrammeReportService} decides its hidden cells from the counts itself).
 */
final class TestProgrammeReports implements ProgrammeReports {
    /** The value of every "x" cell: a number that appears nowhere else. */
    static final long HIDDEN = 987_654_321L;
    /** The value of every "<5" cell. */
    static final long SMALL = 3;

    static final List<String> ROWS = List.of("0-17", "18-29", "30-54", "55+", "not-declared");

    private final Database database;
    private final ClubStore clubs;
    private final Clock clock;

    TestProgrammeReports(Database database, Clock clock) {
        this.database = database;
        this.clubs = new ClubStore(database);
        this.clock = clock;
    }

    @Override
    public Optional<ProgrammeReport> report(ReportScope scope, ReportPeriod period) throws SQLException {
        List<Club> covered = new ArrayList<>();
        if (scope.isMunicipality()) {
            covered.addAll(clubs.clubs());
        } else {
            Optional<Club> club = clubs.club(scope.clubId());
            if (club.isEmpty()) {
                return Optional.empty();
            }
            covered.add(club.get());
        }
        List<ProgrammeReport.MonthVisits> months = new ArrayList<>();
        List<ProgrammeReport.ClubOperation> operations = new ArrayList<>();
        long[] byClub = new long[covered.size()];
        long visits = 0;
        for (YearMonth month : period.months()) {
            long inMonth = 0;
            for (int i = 0; i < covered.size(); i++) {
                long n = sessions(covered.get(i).id(), month);
                byClub[i] += n;
                inMonth += n;
            }
            months.add(new ProgrammeReport.MonthVisits(month, inMonth));
            visits += inMonth;
        }
        List<ProgrammeReport.PcAvailability> availability = new ArrayList<>();
        for (int i = 0; i < covered.size(); i++) {
            Club club = covered.get(i);
            operations.add(new ProgrammeReport.ClubOperation(
                    club.id(), club.name(), club.place(), 2, 1, period.firstDay(), null, byClub[i]));
            availability.add(new ProgrammeReport.PcAvailability(club.id(), 1, 600, 540));
            availability.add(new ProgrammeReport.PcAvailability(club.id(), 2, 0, 0));
        }
        return Optional.of(new ProgrammeReport(
                scope,
                scope.isMunicipality() ? "Община Стара Загора" : covered.get(0).name(),
                period,
                clock.instant(),
                operations,
                months,
                visits,
                table(visits),
                hidden(),
                0,
                period.isCalendarPeriod() ? table(0) : null,
                period.isCalendarPeriod() ? small() : null,
                List.of(
                        new ProgrammeReport.TileUse(TileCategory.E_GOVERNMENT, exact(7)),
                        new ProgrammeReport.TileUse(TileCategory.LEARNING, hidden()),
                        new ProgrammeReport.TileUse(TileCategory.HEALTH, small())),
                availability));
    }

    /** A table whose first row holds a "<5" and an "x", and whose grand total is {@code total}. */
    private static ProgrammeReport.AgeSexTable table(long total) {
        int columns = Sex.values().length;
        Cell[][] cells = new Cell[ROWS.size()][columns];
        Cell[] rowTotals = new Cell[ROWS.size()];
        for (int r = 0; r < ROWS.size(); r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = exact(10 + r);
            }
            rowTotals[r] = exact(30 + 3L * r);
        }
        cells[0][0] = small();
        cells[0][1] = hidden();
        rowTotals[0] = hidden();
        Cell[] columnTotals = new Cell[columns];
        for (int c = 0; c < columns; c++) {
            columnTotals[c] = c == 0 ? hidden() : exact(60);
        }
        return new ProgrammeReport.AgeSexTable(
                ROWS, List.of(Sex.values()), new SuppressedTable(cells, rowTotals, columnTotals, exact(total)));
    }

    private static Cell exact(long value) {
        return new Cell(value, Visibility.EXACT);
    }

    private static Cell small() {
        return new Cell(SMALL, Visibility.SMALL);
    }

    private static Cell hidden() {
        return new Cell(HIDDEN, Visibility.COMPLEMENTARY);
    }

    private long sessions(String clubId, YearMonth month) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT COALESCE(SUM(sessions), 0) FROM club_months WHERE club_id = ? AND month = ?")) {
                select.setString(1, clubId);
                select.setLong(2, MonthKey.of(month));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
