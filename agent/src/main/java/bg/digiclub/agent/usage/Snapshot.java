package bg.digiclub.agent.usage;

import java.time.Instant;
import java.util.Map;

import bg.digiclub.common.health.HealthStatus;

/** The PC's health at a slot start (docs/protocol.md, {@code health.snapshots[]}); check names already made safe. */
public record Snapshot(Instant at, HealthStatus overall, Map<String, HealthStatus> checks) {
    public Snapshot {
        checks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(checks)); // sorted: a stable payload
    }
}
