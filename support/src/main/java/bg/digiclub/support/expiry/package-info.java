/**
 * Bounded, in-memory, expiring entries: {@link bg.digiclub.support.expiry.ExpiringMap} and the
 * random tokens built on it, {@link bg.digiclub.support.expiry.ExpiringTokens}. The one
 * implementation behind the agent's staff and member tokens and the collector's dashboard sign-ins
 * and device-token cache.
 */
package bg.digiclub.support.expiry;
