/**
 * Anonymizing aggregation on the PC: turns the session ledger and the health store into the
 * collector's batches (docs/protocol.md) and seals each complete period exactly once into the
 * upload outbox. Member codes are only counted here (distinct members per day), and so are the
 * launcher tile categories each session opened (sessions per category per day); no code, name,
 * address, program or exact time ever goes into a batch (docs/privacy.md). A day is sealed once it
 * has ended and every session that started on it has ended.
 *
 * <ul>
 *   <li>{@link bg.digiclub.agent.usage.UsageAggregation}: the arithmetic (hours, days, minutes running);</li>
 *   <li>{@link bg.digiclub.agent.usage.PeriodSealer}: which periods are complete and not yet sealed;</li>
 *   <li>{@code BatchRecords}: every field that leaves the PC, put into the upload contract's records
 *       ({@code common.batch}) in one place;</li>
 *   <li>{@link bg.digiclub.agent.usage.SafeCheckNames}: check names made safe to send;</li>
 *   <li>{@link bg.digiclub.agent.usage.UsageSource} and {@link bg.digiclub.agent.usage.HealthSource}:
 *       what the aggregation reads, with {@link bg.digiclub.agent.usage.StoreHealthSource} over the
 *       health store (the ledger's adapter is a few lines over {@code SessionLedger.sessionsOverlapping}).</li>
 * </ul>
 *
 * <p>Domain code only: {@code AgentRuntime} wires these parts to the outbox and the uploader.
 */
package bg.digiclub.agent.usage;
