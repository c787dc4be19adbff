package bg.digiclub.collector.cli;

import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.Database;
import java.time.Clock;
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

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.defaults(host, port).withRate(rate, burst)
                .withSecureCookies(secureCookies);
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
