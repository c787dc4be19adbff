/**
 * The agent's SQLite database and the stores built on it.
 *
 * <ul>
 *   <li>{@link bg.digiclub.agent.store.DatabaseOpener} opens {@code agent.db} in the data
 *       directory at start-up, moving a damaged file aside (never deleting it) with a CRIT alert;
 *       {@link bg.digiclub.agent.store.Database} is the connection (WAL, one writer, read-only
 *       readers in other processes; {@code write} a transaction, {@code read} a snapshot, the
 *       vocabulary of {@link bg.digiclub.support.sql}) and the versioned schema
 *       ({@code db/migration/index.txt}, applied with checksums by {@link bg.digiclub.support.sql.Migrations}).</li>
 *   <li>{@link bg.digiclub.agent.store.SampleStore}: health samples, raw and hourly, and the
 *       newest sample; {@link bg.digiclub.agent.store.AlertStore}: alert events with start and end.</li>
 *   <li>{@link bg.digiclub.agent.store.RaisedChecks}: checks the agent raises by its own rules
 *       (a replaced database, {@code database}; a staff PIN lockout, {@code staff-pin}; a failed
 *       reset of the visitor's home, {@code visitor-reset}), kept as alert events and added to
 *       every health report.</li>
 *   <li>{@link bg.digiclub.agent.store.Retention}: summarizing, deleting old data and returning
 *       free space, per {@link bg.digiclub.agent.store.RetentionPolicy}; run every few minutes.</li>
 * </ul>
 *
 * Every class that depends on time takes a {@link java.time.Clock}.
 */
package bg.digiclub.agent.store;
