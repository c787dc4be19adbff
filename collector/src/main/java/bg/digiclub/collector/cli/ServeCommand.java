package bg.digiclub.collector.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.collector.api.ApiAllowance;
import bg.digiclub.collector.cards.CardVisitRetention;
import bg.digiclub.collector.report.programme.ProgrammeSettings;
import bg.digiclub.collector.server.AddressBlocks;
import bg.digiclub.collector.server.ClientAddresses;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.config.ConfigProperties;

/**
 * {@code serve}: runs the device API and the dashboard until stopped. Every option can live in
 * the {@code --config} file or a {@code DIGICLUB_*} variable instead (see docs/collector.md);
 * the command line wins.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the collector: device API and dashboard.")
public final class ServeCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "0.0.0.0";
    static final double DEFAULT_RATE = 5;
    static final int DEFAULT_BURST = 300;

    @Mixin
    DatabaseOptions database;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "TCP port (default: " + DEFAULT_PORT + "; 0 = any free). Key server.port.")
    Integer port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: " + DEFAULT_HOST + "). Key server.host.")
    String host;

    @Option(
            names = "--rate",
            paramLabel = "PER_S",
            description =
                    "Batches per second per device (default: " + DEFAULT_RATE + "). Key intake.batches-per-second.")
    Double rate;

    @Option(
            names = "--burst",
            paramLabel = "N",
            description = "Burst of batches per device (default: " + DEFAULT_BURST + "). Key intake.burst-batches.")
    Integer burst;

    @Option(
            names = "--secure-cookies",
            description = "Mark the session cookie Secure (when served behind HTTPS). Key server.secure-cookies.")
    Boolean secureCookies;

    @Option(
            names = "--trusted-proxy",
            split = ",",
            paramLabel = "ADDRESS",
            description = "Address or block (10.0.0.0/8) of the HTTPS reverse proxy in front; only from it is "
                    + "X-Forwarded-For believed. Repeatable. Key server.trusted-proxies (comma-separated).")
    List<String> trustedProxies;

    @Option(
            names = "--max-connections-per-address",
            paramLabel = "N",
            description = "Connections open at once from one address (a trusted proxy is not limited; 0 = no limit; "
                    + "default: " + ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS
                    + "). Key server.max-connections-per-address.")
    Integer connectionsPerAddress;

    @Option(
            names = "--idle-timeout",
            paramLabel = "SECONDS",
            description = "Close a connection on which nothing arrives for this long (default: "
                    + ServerSettings.DEFAULT_IDLE_TIMEOUT_SECONDS + "). Key server.idle-timeout-seconds.")
    Integer idleTimeoutSeconds;

    @Option(
            names = "--min-request-rate",
            paramLabel = "BYTES_PER_S",
            description = "Answer 408 to a request body arriving slower than this (0 = no minimum; default: "
                    + ServerSettings.DEFAULT_MIN_REQUEST_BYTES_PER_SECOND
                    + "). Key server.min-request-bytes-per-second.")
    Integer minRequestRate;

    /**
     * The server's settings: each from the command line, else its environment variable, else the
     * configuration file, else its default. The file's values are read even when overridden, so
     * that a bad one is still reported.
     */
    ServerSettings settings(ConfigProperties c) {
        int filePort = c.integer("server.port", DEFAULT_PORT, 0, 65535);
        String fileHost = c.string("server.host", DEFAULT_HOST);
        double fileRate = c.decimal("intake.batches-per-second", DEFAULT_RATE, 0.001, 1_000_000);
        int fileBurst = c.integer("intake.burst-batches", DEFAULT_BURST, 1, 1_000_000);
        boolean fileSecure = c.bool("server.secure-cookies", false);
        List<String> fileProxies = c.list("server.trusted-proxies");
        try {
            ClientAddresses.trusting(fileProxies);
        } catch (IllegalArgumentException e) {
            throw c.bad("server.trusted-proxies", String.join(",", fileProxies), e.getMessage());
        }
        int fileConnections = c.integer(
                "server.max-connections-per-address", ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS, 0, 1_000_000);
        int fileIdle = c.integer("server.idle-timeout-seconds", ServerSettings.DEFAULT_IDLE_TIMEOUT_SECONDS, 1, 86_400);
        int fileMinRate = c.integer(
                "server.min-request-bytes-per-second", ServerSettings.DEFAULT_MIN_REQUEST_BYTES_PER_SECOND, 0, 1 << 20);
        List<String> metricsClients =
                c.optionalList("metrics.allowed-addresses").orElse(ServerSettings.DEFAULT_METRICS_ALLOWED_ADDRESSES);
        try {
            AddressBlocks.parse(metricsClients, "metrics.allowed-addresses");
        } catch (IllegalArgumentException e) {
            throw c.bad("metrics.allowed-addresses", String.join(",", metricsClients), e.getMessage());
        }
        ApiAllowance api = new ApiAllowance(
                c.decimal("api.requests-per-second", ApiAllowance.DEFAULT.requestsPerSecond(), 0.001, 1_000_000),
                c.integer("api.burst", ApiAllowance.DEFAULT.burst(), 1, 1_000_000));
        return ServerSettings.defaults(or(host, fileHost), or(port, filePort))
                .withRate(or(rate, fileRate), or(burst, fileBurst))
                .withSecureCookies(or(secureCookies, fileSecure))
                .withTrustedProxies(or(trustedProxies, fileProxies))
                .withSlowClientLimits(
                        or(connectionsPerAddress, fileConnections),
                        or(idleTimeoutSeconds, fileIdle),
                        or(minRequestRate, fileMinRate))
                .withMetricsAllowedAddresses(metricsClients)
                .withApiAllowance(api);
    }

    private static <T> T or(T commandLine, T configured) {
        return commandLine != null ? commandLine : configured;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings(database.configuration());
        CardVisitRetention visitRetention = CardVisitRetention.fromConfig(database.configuration());
        ProgrammeSettings programme = ProgrammeSettings.fromConfig(database.configuration());
        String shownHost = "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host();
        Database db = database.open(true);
        CollectorServer server = CollectorServer.start(settings, db, Clock.systemUTC(), visitRetention, programme);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            db.close();
                            stopped.countDown();
                        },
                        "collector-shutdown"));
        System.out.println("DigiClub collector listening on http://" + shownHost + ":" + server.port() + "/");
        stopped.await();
        return 0;
    }
}
