package bg.digiclub.collector.live;

import java.time.Instant;
import java.util.UUID;

import bg.digiclub.common.live.CommandKind;

/**
 * A stored command as the club page shows it.
 *
 * @param pcNumber the PC's number in its club
 * @param issuedBy the dashboard user who issued it
 * @param detail   the PC's answer, or null before it
 */
public record CommandView(
        UUID id,
        UUID deviceId,
        int pcNumber,
        CommandKind kind,
        Integer minutes,
        String text,
        String issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        CommandState state,
        Instant answeredAt,
        String detail) {}
