package bg.digiclub.collector.report;

import java.time.Instant;

import bg.digiclub.collector.store.Club;

/**
 * One club's numbers for a period.
 *
 * @param memberDays    distinct members per PC and day, added up over the period: a member who
 *                      came on 3 days counts 3 (see docs/collector.md, it is not a head count)
 * @param devicesActive PCs that were switched on in the period
 * @param devices       enrolled PCs (not revoked)
 * @param lastSeen      the latest batch from any of its PCs, null if none yet
 */
public record ClubSummary(
        Club club,
        long sessions,
        long sessionMinutes,
        long guestSessions,
        long memberSessions,
        long memberDays,
        int devicesActive,
        int devices,
        Instant lastSeen,
        HealthLight health) {}
