package bg.digiclub.collector.live;

import java.time.Instant;

/**
 * One line of the audit log: who did what to which PC (null: the club), when, and with what result.
 *
 * @param result the command's answer, filled in when it comes; null for actions without one
 */
public record AuditEntry(Instant at, String who, String action, Integer pcNumber, String result) {}
