package bg.digiclub.agent.live;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.upload.Backoff;
import bg.digiclub.agent.upload.CollectorHttp;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentStore;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.testsupport.TestClock;

/**
 * One agent's live channel as AgentRuntime wires it, on a real database file in a temp directory:
 * {@link #start} makes a client, {@link #restart} closes it and the database and opens both again,
 * as a restart of the agent does. Backoff in milliseconds, always its ceiling (no jitter), so the
 * waits between attempts are known.
 */
final class LiveRig implements AutoCloseable {
    static final UUID DEVICE = UUID.fromString("5d0c7a2e-9b41-4f6e-8c3a-2e7f1b9d4c80");
    static final String CLUB = "sz-zaharna-fabrika";
    static final String TOKEN = "dvc_live-test-token-3f9a1c";

    final Path dir;
    final URI collector;
    final TestClock clock = TestClock.sofia("2026-12-05T09:00:00Z");
    final TestPcConsole console = new TestPcConsole();
    final AtomicInteger cardSyncs = new AtomicInteger();
    /** How often the client looked for the device's token. */
    final AtomicInteger tokenLooks = new AtomicInteger();

    LiveSettings settings =
            LiveSettings.DEFAULTS.withTimings(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofHours(1));
    Database db;
    EnrolmentStore enrolment;
    CommandJournal journal;
    LiveClient client;

    LiveRig(Path dir, URI collector) throws SQLException {
        this.dir = dir;
        this.collector = collector;
        open();
    }

    private void open() throws SQLException {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        enrolment = new EnrolmentStore(db);
        journal = new CommandJournal(db, clock);
    }

    void enrol() throws SQLException {
        enrolment.save(new DeviceCredentials(collector, DEVICE, CLUB, TOKEN, clock.instant()));
    }

    LiveClient start() {
        client = new LiveClient(
                LiveClient.webSocketClient(CollectorHttp.client(UploadConfig.defaults(collector)), settings),
                collector,
                () -> {
                    tokenLooks.incrementAndGet();
                    return DeviceToken.of(enrolment).current();
                },
                console,
                new CommandRunner(journal, console),
                cardSyncs::incrementAndGet,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), ALWAYS_THE_CEILING),
                settings);
        client.start();
        return client;
    }

    /** The agent stops (its client and database closed) and starts again on the same file. */
    void restart() throws SQLException {
        stop();
        open();
        start();
    }

    void stop() throws SQLException {
        if (client != null) {
            client.close();
            client = null;
        }
        db.close();
    }

    Command command(CommandKind kind) {
        return TestCommands.of(kind, clock.instant());
    }

    @Override
    public void close() throws SQLException {
        stop();
    }

    /** A random source whose bounded draws are always the largest: the backoff waits its whole ceiling. */
    static final RandomGenerator ALWAYS_THE_CEILING = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };
}
