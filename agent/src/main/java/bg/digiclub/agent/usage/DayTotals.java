package bg.digiclub.agent.usage;

import java.time.LocalDate;
import java.util.Map;

import bg.digiclub.common.link.Demographics;

/**
 * One device-day of use (docs/protocol.md, {@code usage.days[]}).
 *
 * @param sessions        sessions started that day per declared age band and sex (non-zero cells only)
 * @param distinctMembers how many different member cards started a session that day (a count, not the codes)
 */
public record DayTotals(LocalDate day, Map<Demographics, Integer> sessions, int distinctMembers) {
    public DayTotals {
        sessions = Map.copyOf(sessions);
    }

    public int totalSessions() {
        return sessions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
