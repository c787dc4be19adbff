/**
 * Secrets people choose: {@link bg.digiclub.support.secret.SlowHash}, the one slow hash of PINs
 * (agent) and dashboard passwords (collector).
 */
package bg.digiclub.support.secret;
