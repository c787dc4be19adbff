package bg.digiclub.agent.usage;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import bg.digiclub.agent.upload.SealInfo;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.Demographics;

/**
 * Writes batches in the collector's schema version 1 (docs/protocol.md), field by field. Every
 * field that goes out is written here and nowhere else, so this class is the complete list of
 * what leaves the PC.
 *
 * <p>Written with Jackson's tree model until the collector's records ({@code common.batch}) are
 * on the main branch; then this becomes {@code Batch.usage(...)}/{@code Batch.health(...)}.
 */
final class BatchJson {
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchJson() {
    }

    static byte[] usage(SealInfo info, Envelope env, List<HourTotals> hours, List<DayTotals> days) {
        ObjectNode batch = envelope(info, env);
        ObjectNode usage = batch.putObject("usage");
        ArrayNode h = usage.putArray("hours");
        for (HourTotals hour : hours) {
            h.addObject()
                    .put("hour", hour.hour().toString())
                    .put("sessionsStarted", hour.sessionsStarted())
                    .put("guestSessions", hour.guestSessions())
                    .put("memberSessions", hour.memberSessions())
                    .put("sessionMinutes", hour.sessionMinutes())
                    .put("poweredOnMinutes", hour.poweredOnMinutes());
        }
        ArrayNode d = usage.putArray("days");
        for (DayTotals day : days) {
            ObjectNode o = d.addObject().put("day", day.day().toString());
            ArrayNode cells = o.putArray("sessions");
            day.sessions().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(Demographics::ageBand)
                            .thenComparing(Demographics::sex)))
                    .forEach(e -> cells.addObject()
                            .put("ageBand", e.getKey().ageBand().name())
                            .put("sex", e.getKey().sex().name())
                            .put("sessions", e.getValue()));
            o.put("distinctMembers", day.distinctMembers());
            // left out when empty, as the protocol allows: a collector before tile categories still takes the day
            if (!day.tileCategories().isEmpty()) {
                ArrayNode tiles = o.putArray("tileCategories");
                day.tileCategories().entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> tiles.addObject()
                                .put("category", e.getKey().name())
                                .put("sessions", e.getValue()));
            }
        }
        return bytes(batch);
    }

    static byte[] health(SealInfo info, Envelope env, List<Snapshot> snapshots, List<HealthDayTotals> days) {
        ObjectNode batch = envelope(info, env);
        ObjectNode health = batch.putObject("health");
        ArrayNode s = health.putArray("snapshots");
        for (Snapshot snap : snapshots) {
            ObjectNode o = s.addObject().put("at", snap.at().toString()).put("overall", snap.overall().name());
            checks(o.putArray("checks"), snap.checks());
        }
        ArrayNode d = health.putArray("days");
        for (HealthDayTotals day : days) {
            ObjectNode o = d.addObject().put("day", day.day().toString());
            checks(o.putArray("worst"), day.worst());
            optional(o, "minFreeDiskPercent", day.minFreeDiskPercent(), 0, 100);
            optional(o, "maxCpuTemperatureCelsius", day.maxCpuTemperatureCelsius(), -50, 150);
            o.put("alertCount", day.alertCount());
            o.put("uptimeMinutes", day.uptimeMinutes());
        }
        return bytes(batch);
    }

    private static ObjectNode envelope(SealInfo info, Envelope env) {
        ObjectNode b = JSON.createObjectNode();
        b.put("schemaVersion", SCHEMA_VERSION);
        b.put("batchId", info.batchId().toString());
        b.put("deviceId", env.deviceId().toString());
        b.put("clubId", env.clubId());
        b.put("agentVersion", env.agentVersion());
        b.put("timeZone", env.zone().getId());
        b.put("periodFrom", env.periodFrom().toString());
        b.put("periodTo", env.periodTo().toString());
        b.put("sequence", info.sequence());
        b.putObject("evicted")
                .put("usageBatches", (int) Math.min(Integer.MAX_VALUE, info.evicted(BatchKind.USAGE)))
                .put("healthBatches", (int) Math.min(Integer.MAX_VALUE, info.evicted(BatchKind.HEALTH)));
        b.put("kind", info.kind().name());
        return b;
    }

    private static void checks(ArrayNode array, Map<String, HealthStatus> checks) {
        checks.forEach((name, status) -> array.addObject().put("name", name).put("status", status.name()));
    }

    /** A measured value rounded to one decimal and kept in the protocol's range, or null. */
    private static void optional(ObjectNode o, String field, OptionalDouble value, double min, double max) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            double v = Math.max(min, Math.min(max, value.getAsDouble()));
            o.put(field, Math.round(v * 10) / 10.0);
        } else {
            o.putNull(field);
        }
    }

    private static byte[] bytes(ObjectNode batch) {
        return batch.toString().getBytes(StandardCharsets.UTF_8);
    }
}
