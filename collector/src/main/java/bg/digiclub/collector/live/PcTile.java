package bg.digiclub.collector.live;

import java.time.Instant;
import java.util.UUID;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.PcMode;

/**
 * One PC on the club page's room view.
 *
 * @param online         the collector holds a live connection of it (else it shows as off, and
 *                       the rest is what it last said, as of {@code stateAt})
 * @param mode           its last mode; null if it never connected
 * @param helpCalledAt   when its visitor called for help, while unanswered; else null
 */
public record PcTile(
        UUID deviceId,
        int pcNumber,
        boolean online,
        PcMode mode,
        VisitorKind visitor,
        Integer minutesLeft,
        Instant sessionStarted,
        HealthStatus health,
        Instant helpCalledAt,
        Integer reservedFor,
        Instant stateAt) {}
