package bg.digiclub.collector.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.RunningCollector;

/**
 * A second collector instance in a process of its own, for {@link TwoCollectorsTest}: started with
 * the database's JDBC URL and the instant its clock stands at (the test's clock), it prints
 * {@code port <n>} when it serves, and stops when its standard input ends.
 */
public final class SecondCollector {
    private SecondCollector() {}

    public static void main(String[] args) throws IOException {
        Clock clock = Clock.fixed(Instant.parse(args[1]), ZoneOffset.UTC);
        try (Database database = Database.open(args[0]);
                CollectorServer server = CollectorServer.start(RunningCollector.SETTINGS, database, clock)) {
            System.out.println("port " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // runs until the test closes our standard input
            }
        }
    }
}
