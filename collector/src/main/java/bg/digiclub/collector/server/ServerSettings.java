package bg.digiclub.collector.server;

import bg.digiclub.common.batch.BatchLimits;

/**
 * How the collector's HTTP server runs. Validated once here, with messages naming the option.
 *
 * @param host                address to listen on ({@code 0.0.0.0} for all)
 * @param port                port, 0 for any free one
 * @param maxWireBytes        largest request body on the wire
 * @param maxJsonBytes        largest request body after decompression
 * @param batchesPerSecond    per-device sustained batch rate
 * @param batchBurst          per-device burst of batches
 * @param secureCookies       mark the session cookie Secure (behind HTTPS)
 * @param passwordIterations  PBKDF2 iterations for new passwords
 * @param tokenCacheSeconds   how long a device token's look-up is remembered; a revocation takes
 *                            effect within it
 */
public record ServerSettings(String host, int port, int maxWireBytes, int maxJsonBytes, double batchesPerSecond,
                             int batchBurst, boolean secureCookies, int passwordIterations, int tokenCacheSeconds) {
    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535, was " + port);
        }
        if (batchesPerSecond <= 0) {
            throw new IllegalArgumentException("--rate must be positive, was " + batchesPerSecond);
        }
        if (tokenCacheSeconds < 0) {
            throw new IllegalArgumentException("the token cache time cannot be negative");
        }
        if (batchBurst < 1) {
            throw new IllegalArgumentException("--burst must be at least 1, was " + batchBurst);
        }
    }

    /** The defaults: the protocol's limits, 5 batches/s per device with bursts of 300. */
    public static ServerSettings defaults(String host, int port) {
        return new ServerSettings(host, port, BatchLimits.MAX_WIRE_BYTES, BatchLimits.MAX_JSON_BYTES, 5, 300, false,
                bg.digiclub.collector.auth.PasswordHasher.DEFAULT_ITERATIONS, 10);
    }

    public ServerSettings withRate(double perSecond, int burst) {
        return new ServerSettings(host, port, maxWireBytes, maxJsonBytes, perSecond, burst, secureCookies,
                passwordIterations, tokenCacheSeconds);
    }

    public ServerSettings withPasswordIterations(int iterations) {
        return new ServerSettings(host, port, maxWireBytes, maxJsonBytes, batchesPerSecond, batchBurst, secureCookies,
                iterations, tokenCacheSeconds);
    }

    public ServerSettings withSecureCookies(boolean secure) {
        return new ServerSettings(host, port, maxWireBytes, maxJsonBytes, batchesPerSecond, batchBurst, secure,
                passwordIterations, tokenCacheSeconds);
    }
}
