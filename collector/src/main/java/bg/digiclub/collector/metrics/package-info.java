/**
 * {@code GET /metrics}: the collector in the Prometheus text format (0.0.4, written by
 * {@code support.metrics.PrometheusText}, no client library) for the municipality's IT, answered
 * only to the configured addresses ({@code metrics.allowed-addresses}). {@link IntakeCounters}: what
 * the device API answered; {@link FleetHealth}: clubs and PCs by health, read from the database and
 * kept 15 s; {@link CollectorMetrics}: one scrape (with the intake writer's and the live state writer's
 * queues, the pools, the JVM); {@link MetricsEndpoint}: the route and its access
 * check. docs/operations.md has the scrape configuration and every series.
 */
package bg.digiclub.collector.metrics;
