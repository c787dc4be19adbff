package bg.digiclub.collector.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.health.HealthStatus;

/** One PC as the club page lists it; sessions and minutes are for the page's period. */
public record DeviceSummary(
        UUID id,
        String clubId,
        int number,
        boolean revoked,
        String agentVersion,
        Instant lastSeen,
        Instant healthAt,
        HealthStatus health,
        List<CheckStatus> checks,
        long lastSequence,
        long batchesReceived,
        long evictedUsage,
        long evictedHealth,
        long sessions,
        long sessionMinutes) {}
