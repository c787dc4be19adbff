package bg.digiclub.collector.server;

import java.util.List;
import java.util.Objects;

import bg.digiclub.collector.api.ApiAllowance;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.support.secret.SlowHash;

/**
 * How the collector's HTTP server runs. Validated once here, with messages naming the option.
 *
 * @param host                     address to listen on ({@code 0.0.0.0} for all)
 * @param port                     port, 0 for any free one
 * @param maxWireBytes             largest request body on the wire
 * @param maxJsonBytes             largest request body after decompression
 * @param batchesPerSecond         per-device sustained batch rate
 * @param batchBurst               per-device burst of batches
 * @param secureCookies            mark the session cookie Secure (behind HTTPS)
 * @param passwordIterations       PBKDF2 iterations for new passwords
 * @param tokenCacheSeconds        how long a device token's look-up is remembered; a revocation takes
 *                                 effect within it
 * @param trustedProxies           addresses or blocks ({@code 10.0.0.0/8}) of the reverse proxies whose
 *                                 {@code X-Forwarded-For} names the client; empty: the header is ignored
 * @param maxConnectionsPerAddress most connections open at once from one address (a trusted proxy
 *                                 is not limited); 0 for no limit
 * @param idleTimeoutSeconds       a connection on which nothing arrives for this long is closed
 * @param minRequestBytesPerSecond a request body arriving slower than this is answered 408 and its
 *                                 connection closed; 0 for no minimum
 * @param metricsAllowedAddresses  addresses or blocks of the clients {@code /metrics} answers (the client
 *                                 as {@link ClientAddresses} finds it, behind a trusted proxy too); others
 *                                 get 403
 * @param apiAllowance             each read API token's allowance of report requests
 */
public record ServerSettings(
        String host,
        int port,
        int maxWireBytes,
        int maxJsonBytes,
        double batchesPerSecond,
        int batchBurst,
        boolean secureCookies,
        int passwordIterations,
        int tokenCacheSeconds,
        List<String> trustedProxies,
        int maxConnectionsPerAddress,
        int idleTimeoutSeconds,
        int minRequestBytesPerSecond,
        List<String> metricsAllowedAddresses,
        ApiAllowance apiAllowance) {
    /** Who may read {@code /metrics} by default: this machine only (a Prometheus beside the collector). */
    public static final List<String> DEFAULT_METRICS_ALLOWED_ADDRESSES = List.of("127.0.0.0/8", "::1");

    /** Connections per address by default: a town hall's browsers behind one address, with room to spare. */
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 128;
    /** Idle seconds by default (Jetty's own default). */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
    /**
     * Slowest accepted request body by default, in bytes per second: a batch is about 400 bytes
     * of gzip and the largest allowed 256 KB, which even a 2G link (5 KB/s and up) sends faster.
     */
    public static final int DEFAULT_MIN_REQUEST_BYTES_PER_SECOND = 256;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535, was " + port);
        }
        if (batchesPerSecond <= 0) {
            throw new IllegalArgumentException("--rate must be positive, was " + batchesPerSecond);
        }
        if (passwordIterations < SlowHash.MIN_ITERATIONS) {
            throw new IllegalArgumentException("password PBKDF2 iterations must be at least " + SlowHash.MIN_ITERATIONS
                    + ", was " + passwordIterations);
        }
        if (tokenCacheSeconds < 0) {
            throw new IllegalArgumentException("the token cache time cannot be negative");
        }
        if (batchBurst < 1) {
            throw new IllegalArgumentException("--burst must be at least 1, was " + batchBurst);
        }
        trustedProxies = List.copyOf(trustedProxies);
        ClientAddresses.trusting(trustedProxies);
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException(
                    "--max-connections-per-address must be 0 (no limit) or more, was " + maxConnectionsPerAddress);
        }
        if (idleTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--idle-timeout must be at least 1 second, was " + idleTimeoutSeconds);
        }
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException(
                    "--min-request-rate must be 0 (none) or more bytes per second, was " + minRequestBytesPerSecond);
        }
        metricsAllowedAddresses = List.copyOf(metricsAllowedAddresses);
        AddressBlocks.parse(metricsAllowedAddresses, "metrics.allowed-addresses");
        Objects.requireNonNull(apiAllowance, "apiAllowance");
    }

    /**
     * The defaults: the protocol's limits, 5 batches/s per device with bursts of 300, no trusted proxy,
     * the read API's {@link ApiAllowance#DEFAULT}.
     */
    public static ServerSettings defaults(String host, int port) {
        return new ServerSettings(
                host,
                port,
                BatchLimits.MAX_WIRE_BYTES,
                BatchLimits.MAX_JSON_BYTES,
                5,
                300,
                false,
                UserStore.DEFAULT_PASSWORD_ITERATIONS,
                10,
                List.of(),
                DEFAULT_CONNECTIONS_PER_ADDRESS,
                DEFAULT_IDLE_TIMEOUT_SECONDS,
                DEFAULT_MIN_REQUEST_BYTES_PER_SECOND,
                DEFAULT_METRICS_ALLOWED_ADDRESSES,
                ApiAllowance.DEFAULT);
    }

    /** The clients {@code /metrics} answers. */
    public AddressBlocks metricsClients() {
        return AddressBlocks.parse(metricsAllowedAddresses, "metrics.allowed-addresses");
    }

    /** The client addresses these settings trust. */
    public ClientAddresses clientAddresses() {
        return ClientAddresses.trusting(trustedProxies);
    }

    public ServerSettings withMetricsAllowedAddresses(List<String> allowed) {
        Copy copy = new Copy(this);
        copy.metricsAllowedAddresses = allowed;
        return copy.settings();
    }

    public ServerSettings withApiAllowance(ApiAllowance allowance) {
        Copy copy = new Copy(this);
        copy.apiAllowance = allowance;
        return copy.settings();
    }

    public ServerSettings withRate(double perSecond, int burst) {
        Copy copy = new Copy(this);
        copy.batchesPerSecond = perSecond;
        copy.batchBurst = burst;
        return copy.settings();
    }

    public ServerSettings withPasswordIterations(int iterations) {
        Copy copy = new Copy(this);
        copy.passwordIterations = iterations;
        return copy.settings();
    }

    public ServerSettings withSecureCookies(boolean secure) {
        Copy copy = new Copy(this);
        copy.secureCookies = secure;
        return copy.settings();
    }

    public ServerSettings withTrustedProxies(List<String> proxies) {
        Copy copy = new Copy(this);
        copy.trustedProxies = proxies;
        return copy.settings();
    }

    /** Slow-client limits: connections per address (0 none), idle seconds, slowest body in bytes/s (0 none). */
    public ServerSettings withSlowClientLimits(int connectionsPerAddress, int idleSeconds, int minBytesPerSecond) {
        Copy copy = new Copy(this);
        copy.maxConnectionsPerAddress = connectionsPerAddress;
        copy.idleTimeoutSeconds = idleSeconds;
        copy.minRequestBytesPerSecond = minBytesPerSecond;
        return copy.settings();
    }

    /** The settings' values to change one or a few of: each {@code with} method is a copy with its change, checked anew. */
    private static final class Copy {
        private final String host;
        private final int port;
        private final int maxWireBytes;
        private final int maxJsonBytes;
        private double batchesPerSecond;
        private int batchBurst;
        private boolean secureCookies;
        private int passwordIterations;
        private final int tokenCacheSeconds;
        private List<String> trustedProxies;
        private int maxConnectionsPerAddress;
        private int idleTimeoutSeconds;
        private int minRequestBytesPerSecond;
        private List<String> metricsAllowedAddresses;
        private ApiAllowance apiAllowance;

        Copy(ServerSettings of) {
            host = of.host;
            port = of.port;
            maxWireBytes = of.maxWireBytes;
            maxJsonBytes = of.maxJsonBytes;
            batchesPerSecond = of.batchesPerSecond;
            batchBurst = of.batchBurst;
            secureCookies = of.secureCookies;
            passwordIterations = of.passwordIterations;
            tokenCacheSeconds = of.tokenCacheSeconds;
            trustedProxies = of.trustedProxies;
            maxConnectionsPerAddress = of.maxConnectionsPerAddress;
            idleTimeoutSeconds = of.idleTimeoutSeconds;
            minRequestBytesPerSecond = of.minRequestBytesPerSecond;
            metricsAllowedAddresses = of.metricsAllowedAddresses;
            apiAllowance = of.apiAllowance;
        }

        ServerSettings settings() {
            return new ServerSettings(
                    host,
                    port,
                    maxWireBytes,
                    maxJsonBytes,
                    batchesPerSecond,
                    batchBurst,
                    secureCookies,
                    passwordIterations,
                    tokenCacheSeconds,
                    trustedProxies,
                    maxConnectionsPerAddress,
                    idleTimeoutSeconds,
                    minRequestBytesPerSecond,
                    metricsAllowedAddresses,
                    apiAllowance);
        }
    }
}
