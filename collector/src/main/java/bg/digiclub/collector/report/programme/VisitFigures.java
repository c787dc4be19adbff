package bg.digiclub.collector.report.programme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.collector.report.ActivePcs;
import bg.digiclub.collector.report.ClubCounts;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * The programme report's exact figures, month by month, read from the aggregates intake keeps
 * ({@code club_months}, {@code club_demographics}, {@code club_tile_categories}, {@code devices},
 * {@code device_days}, {@code club_days}): nothing here is suppressed, {@link VisitPublication}
 * decides what may be shown. Every club is read, whatever the report's scope, because a club's
 * published cells depend on the other clubs' (a municipality total must not reveal them).
 */
public final class VisitFigures {
    private final Database database;

    public VisitFigures(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * One month's exact figures of every club with something counted in it.
     *
     * @param visits per club, its sessions in the month (the exact total published)
     * @param counts per club, its sessions by our age band and sex and the sessions that used a tile of
     *               each category
     */
    public record Month(YearMonth month, Map<String, Long> visits, Map<String, ClubCounts> counts) {
        public Month {
            Objects.requireNonNull(month, "month");
            visits = Map.copyOf(visits);
            counts = Map.copyOf(counts);
        }

        /**
         * The month's counts as {@link VisitPublication} takes them: per club of {@code clubIds} (every
         * one, those with nothing counted as zeros), sessions by atom and sex and the tile counts.
         */
        public MonthCounts inAtoms(List<String> clubIds, ReportBands bands) {
            return counts(clubIds, bands.atoms(), bands::atomOf);
        }

        /** The month's counts by our own age bands (one atom per {@link AgeBand}): the dashboard's. */
        public MonthCounts byAgeBand(List<String> clubIds) {
            return counts(clubIds, AgeBand.values().length, AgeBand::ordinal);
        }

        private MonthCounts counts(List<String> clubIds, int atoms, ToIntFunction<AgeBand> atomOf) {
            Map<String, long[][]> visits = new LinkedHashMap<>();
            Map<String, long[]> tiles = new LinkedHashMap<>();
            for (String club : clubIds) {
                ClubCounts c = counts.getOrDefault(club, ClubCounts.none());
                long[][] byAtom = new long[atoms][Sex.values().length];
                for (AgeBand band : AgeBand.values()) {
                    for (Sex sex : Sex.values()) {
                        byAtom[atomOf.applyAsInt(band)][sex.ordinal()] +=
                                c.demographics()[band.ordinal()][sex.ordinal()];
                    }
                }
                visits.put(club, byAtom);
                tiles.put(club, c.tileCategories().clone());
            }
            return new MonthCounts(month, visits, tiles);
        }
    }

    /** Every month of the period, in order, each with every club's figures (read as one snapshot). */
    public List<Month> months(ReportPeriod period) throws SQLException {
        Objects.requireNonNull(period, "period");
        return database.read(c -> {
            Map<YearMonth, Map<String, Long>> visits = visits(c, period);
            List<Month> months = new ArrayList<>();
            for (YearMonth month : period.months()) {
                Map<String, ClubCounts> counts = new HashMap<>();
                demographics(c, month, counts);
                tiles(c, month, counts);
                months.add(new Month(month, visits.getOrDefault(month, Map.of()), counts));
            }
            return months;
        });
    }

    /**
     * Whether each club is operational: enrolled PCs at the period's end, PCs switched on in it, the
     * day its first PC enrolled and the day of its first session, both up to the period's end (a
     * report of a past period does not show what came after it), and its visits in the period.
     *
     * @param clubs  the report's clubs, in the order to show them
     * @param months the period's {@link #months}, read in the same snapshot: the clubs' visits are theirs
     */
    public List<ProgrammeReport.ClubOperation> operation(List<Club> clubs, ReportPeriod period, List<Month> months)
            throws SQLException {
        Objects.requireNonNull(clubs, "clubs");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(months, "months");
        return database.read(c -> {
            Map<String, Enrolment> enrolled = enrolment(c, clubs, period);
            Map<String, Integer> active = ActivePcs.perClub(c, period.firstDay(), period.lastDay(), Optional.empty());
            Map<String, LocalDate> first = firstSessions(c, period);
            Map<String, Long> visits = new HashMap<>();
            months.forEach(m -> m.visits().forEach((club, n) -> visits.merge(club, n, Long::sum)));
            List<ProgrammeReport.ClubOperation> operation = new ArrayList<>();
            for (Club club : clubs) {
                Enrolment e = enrolled.getOrDefault(club.id(), Enrolment.NONE);
                operation.add(new ProgrammeReport.ClubOperation(
                        club.id(),
                        club.name(),
                        club.place(),
                        e.pcs(),
                        active.getOrDefault(club.id(), 0),
                        e.firstDay(),
                        first.get(club.id()),
                        visits.getOrDefault(club.id(), 0L)));
            }
            return operation;
        });
    }

    /** A club's PCs enrolled (and not revoked) by the period's end, and the local day its first PC enrolled. */
    private record Enrolment(int pcs, LocalDate firstDay) {
        static final Enrolment NONE = new Enrolment(0, null);
    }

    /** Sessions per month and club, from {@code club_months}. */
    private static Map<YearMonth, Map<String, Long>> visits(Connection c, ReportPeriod period) throws SQLException {
        Map<YearMonth, Map<String, Long>> visits = new LinkedHashMap<>();
        try (PreparedStatement select =
                c.prepareStatement("SELECT club_id, month, sessions FROM club_months WHERE month BETWEEN ? AND ?")) {
            select.setLong(1, MonthKey.of(period.firstDay()));
            select.setLong(2, MonthKey.of(period.lastDay()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    YearMonth month = MonthKey.month(rows.getLong(2));
                    visits.computeIfAbsent(month, m -> new HashMap<>())
                            .merge(rows.getString(1), rows.getLong(3), Long::sum);
                }
            }
        }
        return visits;
    }

    private static void demographics(Connection c, YearMonth month, Map<String, ClubCounts> counts)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT club_id, age_band, sex, SUM(sessions) "
                + "FROM club_demographics WHERE day BETWEEN ? AND ? GROUP BY club_id, age_band, sex")) {
            bindMonth(select, month);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1), k -> ClubCounts.none())
                                    .demographics()[
                                    AgeBand.valueOf(rows.getString(2)).ordinal()][
                                    Sex.valueOf(rows.getString(3)).ordinal()] +=
                            rows.getLong(4);
                }
            }
        }
    }

    private static void tiles(Connection c, YearMonth month, Map<String, ClubCounts> counts) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT club_id, category, SUM(sessions) "
                + "FROM club_tile_categories WHERE day BETWEEN ? AND ? GROUP BY club_id, category")) {
            bindMonth(select, month);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1), k -> ClubCounts.none())
                                    .tileCategories()[
                                    TileCategory.valueOf(rows.getString(2)).ordinal()] +=
                            rows.getLong(3);
                }
            }
        }
    }

    private static void bindMonth(PreparedStatement select, YearMonth month) throws SQLException {
        select.setLong(1, month.atDay(1).toEpochDay());
        select.setLong(2, month.atEndOfMonth().toEpochDay());
    }

    /**
     * Per club, its PCs enrolled before the period's end (midnight after its last day in the club's
     * zone) and not revoked, and the local day of its first enrolment. A few rows per club: the
     * zones are applied here rather than in SQL, which SQLite and PostgreSQL would do differently.
     */
    private static Map<String, Enrolment> enrolment(Connection c, List<Club> clubs, ReportPeriod period)
            throws SQLException {
        Map<String, Club> byId = new HashMap<>();
        clubs.forEach(club -> byId.put(club.id(), club));
        Map<String, Enrolment> enrolment = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT club_id, enrolled_at, revoked FROM devices");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Club club = byId.get(rows.getString(1));
                if (club == null) {
                    continue;
                }
                Instant enrolledAt = Instant.ofEpochSecond(rows.getLong(2));
                Instant end = period.lastDay()
                        .plusDays(1)
                        .atStartOfDay(club.timeZone())
                        .toInstant();
                if (!enrolledAt.isBefore(end)) {
                    continue;
                }
                LocalDate day = LocalDate.ofInstant(enrolledAt, club.timeZone());
                int counted = rows.getInt(3) == 0 ? 1 : 0;
                enrolment.merge(
                        club.id(),
                        new Enrolment(counted, day),
                        (a, b) -> new Enrolment(
                                a.pcs() + b.pcs(), a.firstDay().isBefore(b.firstDay()) ? a.firstDay() : b.firstDay()));
            }
        }
        return enrolment;
    }

    /** Per club, the local day of its first session, if it was before the period's end. */
    private static Map<String, LocalDate> firstSessions(Connection c, ReportPeriod period) throws SQLException {
        Map<String, LocalDate> first = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT club_id, MIN(day) FROM club_days WHERE sessions > 0 AND day <= ? GROUP BY club_id")) {
            select.setLong(1, period.lastDay().toEpochDay());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString(1), LocalDate.ofEpochDay(rows.getLong(2)));
                }
            }
        }
        return first;
    }
}
