package bg.digiclub.common.batch;

import java.time.Instant;

/**
 * One device's use in one clock hour. Hours with nothing to report (PC off, no session) are
 * left out. A session is counted in {@code sessionsStarted} in the hour it started and its
 * minutes are split over the hours it ran, so summing hours gives the true totals.
 *
 * @param hour             start of the hour, a whole UTC hour ({@code 2026-11-24T08:00:00Z})
 * @param sessionsStarted  sessions started in this hour; equals {@code guestSessions + memberSessions}
 * @param guestSessions    of those, started by anonymous guests
 * @param memberSessions   of those, started with a member card
 * @param sessionMinutes   minutes of any session running in this hour (0-60; one PC, one session at a time)
 * @param poweredOnMinutes minutes the agent was running in this hour (0-60)
 */
public record HourUsage(
        Instant hour,
        int sessionsStarted,
        int guestSessions,
        int memberSessions,
        int sessionMinutes,
        int poweredOnMinutes) {
    public HourUsage {
        Require.wholeHour(hour, "hour");
        Require.range(sessionsStarted, 0, BatchLimits.MAX_SESSIONS_PER_HOUR, "sessionsStarted");
        Require.range(guestSessions, 0, BatchLimits.MAX_SESSIONS_PER_HOUR, "guestSessions");
        Require.range(memberSessions, 0, BatchLimits.MAX_SESSIONS_PER_HOUR, "memberSessions");
        Require.range(sessionMinutes, 0, 60, "sessionMinutes");
        Require.range(poweredOnMinutes, 0, 60, "poweredOnMinutes");
        if (guestSessions + memberSessions != sessionsStarted) {
            throw new IllegalArgumentException("guestSessions + memberSessions must equal sessionsStarted at " + hour);
        }
    }
}
