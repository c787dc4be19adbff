package bg.digiclub.collector.cli;

import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the device API and the dashboard until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the collector: device API and dashboard.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--rate", defaultValue = "5", description = "Batches per second per device (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--burst", defaultValue = "300", description = "Burst of batches per device (default: ${DEFAULT-VALUE}).")
    int burst;

    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (when served behind HTTPS).")
    boolean secureCookies;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDRESS",
            description = "Address or block (10.0.0.0/8) of the HTTPS reverse proxy in front; only from it is "
                    + "X-Forwarded-For believed. Repeatable.")
    List<String> trustedProxies = List.of();

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            defaultValue = "" + ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS,
            description = "Connections open at once from one address (a trusted proxy is not limited; 0 = no limit; "
                    + "default: ${DEFAULT-VALUE}).")
    int connectionsPerAddress;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "" + ServerSettings.DEFAULT_IDLE_TIMEOUT_SECONDS,
            description = "Close a connection on which nothing arrives for this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--min-request-rate", paramLabel = "BYTES_PER_S",
            defaultValue = "" + ServerSettings.DEFAULT_MIN_REQUEST_BYTES_PER_SECOND,
            description = "Answer 408 to a request body arriving slower than this (0 = no minimum; default: "
                    + "${DEFAULT-VALUE}).")
    int minRequestRate;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.defaults(host, port).withRate(rate, burst)
                .withSecureCookies(secureCookies).withTrustedProxies(trustedProxies)
                .withSlowClientLimits(connectionsPerAddress, idleTimeoutSeconds, minRequestRate);
        Database db = database.open();
        CollectorServer server = CollectorServer.start(settings, db, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "collector-shutdown"));
        System.out.println("DigiClub collector listening on http://" + ("0.0.0.0".equals(host) ? "localhost" : host)
                + ":" + server.port() + "/");
        stopped.await();
        return 0;
    }
}
