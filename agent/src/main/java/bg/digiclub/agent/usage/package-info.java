/**
 * Anonymizing aggregation on the PC: turns the session ledger and the health store into the
 * collector's batches (docs/protocol.md) and seals each complete period exactly once into the
 * upload outbox. Member codes are only counted here (distinct members per day); no code, name,
 * address or exact time ever goes into a batch (docs/privacy.md).
 *
 * <p>The ledger and the health store are reached through {@link bg.digiclub.agent.usage.UsageSource}
 * and {@link bg.digiclub.agent.usage.HealthSource}, small interfaces that thin adapters over the
 * session and store packages implement.
 */
package bg.digiclub.agent.usage;
