/**
 * JDK-only persistence support shared by the agent (SQLite) and the collector (SQLite or PostgreSQL).
 *
 * <ul>
 *   <li>One vocabulary, {@link bg.digiclub.support.sql.SqlDatabase}: {@code write(work)} is a transaction on the
 *       single writer, {@code read(work)} a consistent read snapshot; both run one
 *       {@link bg.digiclub.support.sql.SqlWork}.</li>
 *   <li>One migration runner with checksums, {@link bg.digiclub.support.sql.Migrations} (scripts
 *       {@link bg.digiclub.support.sql.Migration}, split by the one {@link bg.digiclub.support.sql.SqlScript}).</li>
 *   <li>One helper for nullable columns, {@link bg.digiclub.support.sql.Rows}.</li>
 * </ul>
 *
 * <h2>Why two implementations behind one interface</h2>
 *
 * The words mean the same everywhere; how they are kept cannot be the same, because the two programs use their
 * databases differently:
 * <ul>
 *   <li>{@link bg.digiclub.support.sql.SingleConnection} (the agent): one process on a small PC owns its SQLite
 *       file. One connection, every use serialized on it, keeps the page cache warm and the memory small, and the
 *       writer never waits for another connection of its own; a read is a read transaction on that same connection
 *       (WAL gives it a snapshot), so it waits only for the agent's own work, which is short. A pool would cost
 *       threads and memory for no concurrency the agent has. Other processes (the {@code status} command) read
 *       through their own read-only instance.</li>
 *   <li>{@link bg.digiclub.support.sql.WriterAndReaders} (the collector): many HTTP threads read dashboards while
 *       batches arrive. Writes queue for the one writer connection (SQLite has one writer at a time; PostgreSQL
 *       gets a larger pool) and reads run beside them on a pool of readers. A read transaction on PostgreSQL's
 *       default {@code READ COMMITTED} would see a new snapshot per statement, so reads there are raised to
 *       {@code REPEATABLE READ}; SQLite's read transactions are snapshots already.</li>
 * </ul>
 * Both end a read with a rollback, so a read never keeps a write by mistake. The pools themselves (HikariCP) stay
 * in the collector: this module depends on nothing but the JDK, so the agent carries no pool library.
 */
package bg.digiclub.support.sql;
