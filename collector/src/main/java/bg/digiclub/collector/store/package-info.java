/**
 * The collector's database: connection pools for SQLite (default, one writer) and PostgreSQL,
 * used through {@link bg.digiclub.support.sql}'s words ({@code write} a transaction, {@code read}
 * a snapshot), versioned migrations ({@code db/collector/}) with the same SQL for both, and the
 * stores that read and write tables.
 * Instants are stored as epoch seconds (BIGINT), local days as epoch days, so the same SQL
 * runs on both databases.
 */
package bg.digiclub.collector.store;
