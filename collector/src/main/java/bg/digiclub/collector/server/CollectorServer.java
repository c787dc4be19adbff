package bg.digiclub.collector.server;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.api.ApiTokens;
import bg.digiclub.collector.api.ReportApi;
import bg.digiclub.collector.audit.AuditExport;
import bg.digiclub.collector.auth.AttemptThrottle;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.auth.WebSessions;
import bg.digiclub.collector.cards.CardDesk;
import bg.digiclub.collector.cards.CardSyncIntake;
import bg.digiclub.collector.cards.CardVisitRetention;
import bg.digiclub.collector.cards.CardsNotifier;
import bg.digiclub.collector.cards.ClubCards;
import bg.digiclub.collector.intake.BatchIntake;
import bg.digiclub.collector.intake.BodyReader;
import bg.digiclub.collector.intake.DeviceEnrolment;
import bg.digiclub.collector.intake.DeviceTokens;
import bg.digiclub.collector.intake.RateLimiter;
import bg.digiclub.collector.live.LiveHub;
import bg.digiclub.collector.live.SettingsStore;
import bg.digiclub.collector.metrics.CollectorMetrics;
import bg.digiclub.collector.metrics.FleetHealth;
import bg.digiclub.collector.metrics.IntakeCounters;
import bg.digiclub.collector.metrics.MetricsEndpoint;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.report.programme.AvailabilityQuery;
import bg.digiclub.collector.report.programme.DashboardBreakdowns;
import bg.digiclub.collector.report.programme.MemberFigures;
import bg.digiclub.collector.report.programme.ProgrammeReportService;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ProgrammeSettings;
import bg.digiclub.collector.report.programme.VisitFigures;
import bg.digiclub.collector.store.BatchStore;
import bg.digiclub.collector.store.BatchWriter;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.web.Dashboard;
import bg.digiclub.common.ProgramVersion;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;

/** The running collector: device API and dashboard on one port. */
public final class CollectorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

    /** The municipality's zone's id, for options that default to it (an annotation needs a constant). */
    public static final String MUNICIPALITY_ZONE_ID = "Europe/Sofia";

    /** The municipality's zone: the dashboard's "today" and default period. */
    public static final ZoneId MUNICIPALITY_ZONE = ZoneId.of(MUNICIPALITY_ZONE_ID);

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
        return start(settings, database, clock, CardVisitRetention.DEFAULT, ProgrammeSettings.defaults(), null);
    }

    /**
     * Starts the server as {@code serve} does, with what it read from configuration.
     *
     * @param visitRetention how long the cards' visits are kept
     * @param programme      the programme report's bands and the municipality's name
     */
    public static CollectorServer start(
            ServerSettings settings,
            Database database,
            Clock clock,
            CardVisitRetention visitRetention,
            ProgrammeSettings programme) {
        return start(settings, database, clock, visitRetention, programme, null);
    }

    /**
     * Starts the server with programme reports made elsewhere (the read API's tests).
     *
     * @param programme the programme reports the read API, the report page and the CSV serve
     */
    public static CollectorServer start(
            ServerSettings settings, Database database, Clock clock, ProgrammeReports programme) {
        return start(
                settings,
                database,
                clock,
                CardVisitRetention.DEFAULT,
                ProgrammeSettings.defaults(),
                Objects.requireNonNull(programme, "programme"));
    }

    /** @param reports the programme reports to serve; null: the collector's own, from its database */
    private static CollectorServer start(
            ServerSettings settings,
            Database database,
            Clock clock,
            CardVisitRetention visitRetention,
            ProgrammeSettings programme,
            ProgrammeReports reports) {
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
        ClubCards clubCards = new ClubCards(database, new SecureRandom(), clock, visitRetention);
        CardSyncIntake cardSync =
                new CardSyncIntake(intake.deviceTokens(), bodies, clubCards, cardsNotifier, json, clock);
        CardDesk cardDesk = new CardDesk(
                clubCards,
                new SlowHash(SlowHash.PIN_ITERATIONS),
                new RandomDigits(new SecureRandom()),
                cardsNotifier,
                clock);
        IntakeCounters counters = new IntakeCounters();
        ApiRoutes api = new ApiRoutes(intake, enrolment, cardSync, database, json, counters);
        // GET /metrics for the municipality's Prometheus (docs/operations.md), to the allowed addresses only
        AddressBlocks metricsClients = settings.metricsClients();
        MetricsEndpoint metrics = new MetricsEndpoint(
                new CollectorMetrics(
                        counters,
                        writer::queued,
                        new CollectorMetrics.LiveFigures(live::connectedPcs, live::eventsQueued),
                        database::pools,
                        new FleetHealth(database, clock),
                        ProgramVersion.number(CollectorServer.class).orElse("unknown")),
                metricsClients::contains);
        // the read API for BI tools (issue 14): its own tokens, apart from the devices'
        ApiTokens apiTokens = new ApiTokens(database, clock, new SecureRandom());
        // the programme report (issue 14): the read API's, the CSV's and the page's one source
        VisitFigures visitFigures = new VisitFigures(database);
        ProgrammeReports programmeReports = reports != null
                ? reports
                : new ProgrammeReportService(
                        database,
                        clubs,
                        visitFigures,
                        new MemberFigures(database),
                        new AvailabilityQuery(database, new SettingsStore(json)),
                        programme,
                        clock);
        ReportApi reportApi = new ReportApi(
                apiTokens, programmeReports, database, clubs, settings.apiAllowance(), json, clock, MUNICIPALITY_ZONE);
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
                apiTokens,
                new DashboardBreakdowns(clubs, visitFigures, clock),
                programmeReports,
                programme.bands(),
                new AuditExport(database, clock));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            SlowClients.configure(config, settings);
            api.register(config);
            metrics.register(config);
            reportApi.register(config);
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
