package bg.digiclub.collector.server;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.audit.AuditExport;
import bg.digiclub.collector.auth.AttemptThrottle;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.auth.WebSessions;
import bg.digiclub.collector.cards.CardDesk;
import bg.digiclub.collector.cards.CardSyncIntake;
import bg.digiclub.collector.cards.CardsNotifier;
import bg.digiclub.collector.cards.ClubCards;
import bg.digiclub.collector.intake.BatchIntake;
import bg.digiclub.collector.intake.BodyReader;
import bg.digiclub.collector.intake.DeviceEnrolment;
import bg.digiclub.collector.intake.DeviceTokens;
import bg.digiclub.collector.intake.RateLimiter;
import bg.digiclub.collector.live.LiveHub;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.store.BatchStore;
import bg.digiclub.collector.store.BatchWriter;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.web.Dashboard;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;

/** The running collector: device API and dashboard on one port. */
public final class CollectorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

    /** The municipality's zone: the dashboard's "today" and default period. */
    public static final ZoneId MUNICIPALITY_ZONE = ZoneId.of("Europe/Sofia");

    /** The most deliveries stored in one transaction. */
    private static final int MAX_GROUP = 64;

    private final Javalin app;
    private final BatchWriter writer;
    private final LiveHub live;

    private CollectorServer(Javalin app, BatchWriter writer, LiveHub live) {
        this.app = app;
        this.writer = writer;
        this.live = live;
    }

    /** Starts the server on the settings' host and port (0: any free port, see {@link #port()}). */
    public static CollectorServer start(ServerSettings settings, Database database, Clock clock) {
        ObjectMapper json = StrictJson.mapper();
        Secrets secrets = new Secrets();
        ClubStore clubs = new ClubStore(database);
        BodyReader bodies = new BodyReader(settings.maxWireBytes(), settings.maxJsonBytes());
        BatchWriter writer = new BatchWriter(
                new BatchStore(database, clock, json), BatchWriter.writersFor(database.dialect()), MAX_GROUP);
        BatchIntake intake = new BatchIntake(
                clubs,
                writer,
                new RateLimiter(clock, settings.batchesPerSecond(), settings.batchBurst()),
                bodies,
                json,
                clock,
                Duration.ofSeconds(settings.tokenCacheSeconds()));
        DeviceEnrolment enrolment = new DeviceEnrolment(
                clubs,
                secrets,
                new AttemptThrottle(clock, 10, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1)),
                new BodyReader(16 * 1024, 16 * 1024),
                json,
                clock);
        // the mentor's console (docs/live.md): the PCs' live connections and the club page's console
        LiveHub live = startLive(database, clock, json, intake.deviceTokens());
        // member cards: a change tells the club's PCs over the live channel to sync now
        CardsNotifier cardsNotifier = (clubId, cursor) -> {
            try {
                live.cardsChanged(clubId, cursor);
            } catch (SQLException e) {
                // the PCs find the change at their next round anyway
                LOG.warn("the club's PCs could not be told that its cards changed: {}", e.toString());
            }
        };
        ClubCards clubCards = new ClubCards(database, new SecureRandom(), clock);
        CardSyncIntake cardSync =
                new CardSyncIntake(intake.deviceTokens(), bodies, clubCards, cardsNotifier, json, clock);
        CardDesk cardDesk = new CardDesk(
                clubCards,
                new SlowHash(SlowHash.PIN_ITERATIONS),
                new RandomDigits(new SecureRandom()),
                cardsNotifier,
                clock);
        ApiRoutes api = new ApiRoutes(intake, enrolment, cardSync, database, json);
        Dashboard dashboard = new Dashboard(
                new UserStore(database, new SlowHash(settings.passwordIterations())),
                new WebSessions(clock, Duration.ofHours(8)),
                new AttemptThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(30)),
                new AttemptThrottle(clock, 30, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
                new Reports(database, clubs, json),
                clubs,
                live.console(),
                clock,
                MUNICIPALITY_ZONE,
                settings.secureCookies(),
                clubCards,
                cardDesk,
                new AuditExport(database, clock));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            SlowClients.configure(config, settings);
            api.register(config);
            live.register(config);
            dashboard.register(config);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            live.close();
            writer.close();
            throw e;
        }
        return new CollectorServer(app, writer, live);
    }

    /** The live side: the club page's console, and the cards' "changed" tidings to the PCs. */
    public LiveHub live() {
        return live;
    }

    private static LiveHub startLive(Database database, Clock clock, ObjectMapper json, DeviceTokens tokens) {
        try {
            return LiveHub.start(database, clock, json, tokens);
        } catch (SQLException e) {
            throw new IllegalStateException("the live channel cannot start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        live.close();
        writer.close();
    }
}
