package bg.digiclub.agent.usage;

import java.time.LocalDate;
import java.util.Map;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.TileCategory;

/**
 * One device-day of use (docs/protocol.md, {@code usage.days[]}).
 *
 * @param sessions        sessions started that day per declared age band and sex (non-zero cells only)
 * @param distinctMembers how many different member cards started a session that day (a count, not the codes)
 * @param tileCategories  per launcher tile category, the sessions started that day that opened a tile of it
 */
public record DayTotals(
        LocalDate day,
        Map<Demographics, Integer> sessions,
        int distinctMembers,
        Map<TileCategory, Integer> tileCategories) {
    public DayTotals {
        sessions = Map.copyOf(sessions);
        tileCategories = Map.copyOf(tileCategories);
    }

    public int totalSessions() {
        return sessions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
