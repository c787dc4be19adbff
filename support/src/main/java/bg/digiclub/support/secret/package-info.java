/**
 * Secrets people choose: {@link bg.digiclub.support.secret.SlowHash}, the one slow hash of PINs
 * (agent) and dashboard passwords (collector); {@link bg.digiclub.support.secret.KeyedHash}, the
 * HMAC-SHA256 that names a club's member cards between the agents and the collector.
 */
package bg.digiclub.support.secret;
