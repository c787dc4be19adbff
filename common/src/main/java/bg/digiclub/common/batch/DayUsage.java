package bg.digiclub.common.batch;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * One device's use in one whole local day (in the batch's {@code timeZone}). Only days that
 * have ended are reported, each exactly once, because distinct members cannot be added up.
 *
 * @param day             the local date
 * @param sessions        sessions started that day by age band and sex; non-zero cells only,
 *                        each (ageBand, sex) at most once; their sum is the day's session count
 * @param distinctMembers distinct member cards that started at least one session that day
 * @param tileCategories  per launcher tile category, the sessions started that day that opened a
 *                        tile of it; each category at most once, each count at most the day's
 *                        sessions. Optional on the wire: absent (an agent before tile categories,
 *                        or no tile opened) is read as empty, and empty is not written, so a batch
 *                        without it has the same canonical form as before the field existed
 */
public record DayUsage(
        LocalDate day,
        List<DemographicCount> sessions,
        int distinctMembers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TileCategoryCount> tileCategories) {
    public DayUsage {
        Require.present(day, "day");
        sessions = Require.list(sessions, AgeBand.values().length * Sex.values().length, "sessions");
        Require.unique(sessions, c -> c.ageBand() + "/" + c.sex(), "sessions of " + day);
        Require.range(distinctMembers, 0, BatchLimits.MAX_SESSIONS_PER_DAY, "distinctMembers");
        int total = sessions.stream().mapToInt(DemographicCount::sessions).sum();
        if (distinctMembers > total) {
            throw new IllegalArgumentException("distinctMembers (" + distinctMembers
                    + ") cannot exceed the day's sessions (" + total + ") on " + day);
        }
        tileCategories = Require.list(
                tileCategories == null ? List.of() : tileCategories,
                TileCategory.values().length,
                "tileCategories of " + day);
        Require.unique(tileCategories, TileCategoryCount::category, "tileCategories of " + day);
        for (TileCategoryCount count : tileCategories) {
            if (count.sessions() > total) {
                throw new IllegalArgumentException("tileCategories of " + day + ": " + count.category() + " counts "
                        + count.sessions() + " sessions, more than the day's sessions (" + total + ")");
            }
        }
    }

    /** The day's session count: the sum of the demographic cells. */
    public int totalSessions() {
        return sessions.stream().mapToInt(DemographicCount::sessions).sum();
    }
}
