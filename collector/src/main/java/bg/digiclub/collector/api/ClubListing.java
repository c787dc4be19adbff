package bg.digiclub.collector.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;

/**
 * {@code GET /api/v1/reports/clubs}: the clubs a token may read, the first month each has figures
 * for, and the names of the periods that can be asked for (a BI tool's drop-down). Schema
 * {@code ClubList}.
 */
final class ClubListing {
    private final Database database;
    private final ClubStore clubs;

    ClubListing(Database database, ClubStore clubs) {
        this.database = Objects.requireNonNull(database, "database");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
    }

    record ClubJson(String id, String name, String place, String timeZone, YearMonth firstMonth) {}

    record ClubList(
            String scope, List<ClubJson> clubs, YearMonth firstMonth, YearMonth lastMonth, List<String> periods) {}

    /** The listing for a token's scope; {@code now} is the current month, the last one listed. */
    ClubList of(ReportScope scope, YearMonth now) throws SQLException {
        Map<String, YearMonth> first = firstMonths();
        List<ClubJson> visible = new ArrayList<>();
        YearMonth earliest = now;
        for (Club club : clubs.clubs()) {
            if (scope.isMunicipality() || club.id().equals(scope.clubId())) {
                YearMonth month = first.get(club.id());
                visible.add(new ClubJson(
                        club.id(), club.name(), club.place(), club.timeZone().getId(), month));
                if (month != null && month.isBefore(earliest)) {
                    earliest = month;
                }
            }
        }
        YearMonth oldest = now.minusMonths(ReportPeriod.MAX_MONTHS - 1L);
        if (earliest.isBefore(oldest)) {
            earliest = oldest;
        }
        return new ClubList(scope.name(), visible, earliest, now, periods(earliest, now));
    }

    /**
     * Every year, half-year, quarter and month touching {@code first}..{@code last}, newest first,
     * each year followed by its halves, quarters and months.
     */
    static List<String> periods(YearMonth first, YearMonth last) {
        List<ReportPeriod> all = new ArrayList<>();
        for (int year = last.getYear(); year >= first.getYear(); year--) {
            all.add(ReportPeriod.year(year));
            for (int half = 2; half >= 1; half--) {
                all.add(ReportPeriod.halfYear(year, half));
            }
            for (int quarter = 4; quarter >= 1; quarter--) {
                all.add(ReportPeriod.quarter(year, quarter));
            }
            for (int month = 12; month >= 1; month--) {
                all.add(ReportPeriod.month(YearMonth.of(year, month)));
            }
        }
        return all.stream()
                .filter(p -> !p.from().isAfter(last) && !p.to().isBefore(first))
                .map(ReportPeriod::name)
                .toList();
    }

    /** The first month with figures, per club (club_months numbers months by MonthKey). */
    private Map<String, YearMonth> firstMonths() throws SQLException {
        return database.read(c -> {
            Map<String, YearMonth> first = new HashMap<>();
            try (PreparedStatement select =
                            c.prepareStatement("SELECT club_id, MIN(month) FROM club_months GROUP BY club_id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString(1), MonthKey.month(rows.getLong(2)));
                }
            }
            return first;
        });
    }
}
