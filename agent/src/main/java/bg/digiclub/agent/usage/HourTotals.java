package bg.digiclub.agent.usage;

import java.time.Instant;

/** One device-hour of use (docs/protocol.md, {@code usage.hours[]}); the hour is a whole UTC hour. */
public record HourTotals(
        Instant hour, int guestSessions, int memberSessions, int sessionMinutes, int poweredOnMinutes) {
    public int sessionsStarted() {
        return guestSessions + memberSessions;
    }

    /** True when there is nothing to report: such hours are left out. */
    public boolean empty() {
        return sessionsStarted() == 0 && sessionMinutes == 0 && poweredOnMinutes == 0;
    }
}
