/**
 * The collector's database: connection pools for SQLite (default, one writer) and PostgreSQL,
 * used through {@link bg.digiclub.support.sql}'s words ({@code write} a transaction, {@code read}
 * a snapshot), versioned migrations ({@code db/collector/}) with the same SQL for both, and the
 * stores that read and write tables.
 * Instants are stored as epoch seconds (BIGINT), local days as epoch days, so the same SQL
 * runs on both databases; three instants are epoch milliseconds: {@code batches.received_at},
 * {@code batch_log.received_at} and {@code club_cards.changed_at} (V1's header comment says seconds
 * only; applied migrations are checksummed and SQL comments are not in the schema, so the
 * correction is here and in docs/collector.md). Months are {@link bg.digiclub.collector.calendar.MonthKey}s.
 */
package bg.digiclub.collector.store;
