package bg.digiclub.collector.report.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * The programme report of one scope and period, as published: every count of people or visits
 * broken down by something is a {@link Cell} (exact, "<5" or "x"); totals are exact. The page, the
 * CSV and the read API render this one record and nothing else, so they can never disagree.
 *
 * @param scope             the municipality or one club
 * @param scopeName         the municipality's or the club's name
 * @param period            whole calendar months
 * @param generatedAt       when the figures were read
 * @param clubs             whether each club of the scope is operational (one for a club's report)
 * @param visitsByMonth     visits (sessions) per month of the period, exact
 * @param visits            visits in the period, exact (the sum of {@code visitsByMonth})
 * @param visitsByAgeAndSex visits by the report's age bands and declared sex
 * @param youthVisits       visits by people who declared an age wholly inside the youth band (15–29)
 * @param members           distinct member cards with a visit in the period, exact
 * @param membersByAgeAndSex distinct members by age band and sex; null when not published for this
 *                          period (custom periods: docs/collector.md says why)
 * @param youthMembers      distinct members in the youth band; null when not published
 * @param tileSessions      per launcher tile category, the sessions that opened a tile of it
 * @param availability      per PC of the scope, how much of the opening hours it was on and healthy
 */
public record ProgrammeReport(
        ReportScope scope,
        String scopeName,
        ReportPeriod period,
        Instant generatedAt,
        List<ClubOperation> clubs,
        List<MonthVisits> visitsByMonth,
        long visits,
        AgeSexTable visitsByAgeAndSex,
        Cell youthVisits,
        long members,
        AgeSexTable membersByAgeAndSex,
        Cell youthMembers,
        List<TileUse> tileSessions,
        List<PcAvailability> availability) {
    public ProgrammeReport {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeName, "scopeName");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        clubs = List.copyOf(clubs);
        visitsByMonth = List.copyOf(visitsByMonth);
        Objects.requireNonNull(visitsByAgeAndSex, "visitsByAgeAndSex");
        Objects.requireNonNull(youthVisits, "youthVisits");
        tileSessions = List.copyOf(tileSessions);
        availability = List.copyOf(availability);
    }

    /**
     * Whether a club is enrolled, equipped and used.
     *
     * @param enrolledPcs  PCs enrolled and not revoked at the period's end
     * @param activePcs    PCs that were on (sent usage) at least once in the period
     * @param enrolledOn   the day its first PC enrolled (club's time zone), null if none yet
     * @param firstSession the day of its first session ever, null if none yet
     * @param visits       its visits in the period, exact
     */
    public record ClubOperation(
            String clubId,
            String name,
            String place,
            int enrolledPcs,
            int activePcs,
            LocalDate enrolledOn,
            LocalDate firstSession,
            long visits) {
        public ClubOperation {
            Objects.requireNonNull(clubId, "clubId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(place, "place");
        }
    }

    /** Visits in one month, exact. */
    public record MonthVisits(YearMonth month, long visits) {
        public MonthVisits {
            Objects.requireNonNull(month, "month");
        }
    }

    /**
     * A table by age band (rows, in the configured order, "not declared" last) and sex (columns,
     * {@link Sex} order), with its margins.
     *
     * @param rows  the rows' labels: the configured bands as written in configuration
     *              ({@code 0-17}, {@code 55+}) and {@code not-declared}
     * @param table the suppressed cells, row totals, column totals and grand total
     */
    public record AgeSexTable(List<String> rows, List<Sex> columns, SuppressedTable table) {
        public AgeSexTable {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            Objects.requireNonNull(table, "table");
            if (table.rows() != rows.size() || table.columns() != columns.size()) {
                throw new IllegalArgumentException("the table's shape does not match its labels");
            }
        }
    }

    /** The sessions that opened at least one tile of a category. */
    public record TileUse(TileCategory category, Cell sessions) {
        public TileUse {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(sessions, "sessions");
        }
    }

    /**
     * One PC's availability: of the minutes its club was open in the period, those it was on and
     * not CRIT.
     *
     * @param openMinutes      minutes of opening hours in the period (0 if the club set none)
     * @param availableMinutes of those, minutes the PC was on and its health was not CRIT
     */
    public record PcAvailability(String clubId, int pcNumber, long openMinutes, long availableMinutes) {
        public PcAvailability {
            Objects.requireNonNull(clubId, "clubId");
            if (availableMinutes < 0 || availableMinutes > openMinutes) {
                throw new IllegalArgumentException("available minutes must lie within the open minutes: "
                        + availableMinutes + " of " + openMinutes);
            }
        }

        /** Percent of opening hours available, one decimal; NaN when the club set no opening hours. */
        public double percent() {
            return openMinutes == 0 ? Double.NaN : Math.round(availableMinutes * 1000.0 / openMinutes) / 10.0;
        }
    }
}
