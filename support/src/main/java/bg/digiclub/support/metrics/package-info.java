/**
 * The Prometheus text exposition format (version 0.0.4), written by the collector's {@code /metrics}
 * and the agent's node_exporter textfile alike: one small writer, no client library (docs/operations.md).
 */
package bg.digiclub.support.metrics;
