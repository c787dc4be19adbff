package bg.digiclub.collector.report;

import java.time.Instant;
import java.util.List;

import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.health.HealthStatus;

/** One stored health snapshot of a PC. */
public record HealthPoint(Instant at, HealthStatus overall, List<CheckStatus> checks) {}
