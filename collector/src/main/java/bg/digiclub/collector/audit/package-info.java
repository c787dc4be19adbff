/**
 * The collector's audit trail (docs/collector.md, "Audit: the batch log and the export"): {@link
 * bg.digiclub.collector.audit.BatchLog}, the append-only, hash-chained log of every stored batch with the
 * SHA-256 of the figures it stored ({@link bg.digiclub.collector.audit.FiguresText}, their canonical text),
 * appended in the batch's own transaction; {@link bg.digiclub.collector.audit.AuditVerifier}, which
 * recomputes every logged batch's figures and the dashboard's derived tables and walks the chain; and
 * {@link bg.digiclub.collector.audit.AuditExport}, every table the collector holds for a period as CSV and
 * JSON with a manifest. Depends on JDBC, {@code support.sql} and the PostgreSQL driver's statement options, and the collector's {@code calendar} (the month key), never on another collector package, so that the store can call it.
 */
package bg.digiclub.collector.audit;
