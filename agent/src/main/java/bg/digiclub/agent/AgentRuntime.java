package bg.digiclub.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.health.HealthRound;
import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.check.HealthEvaluator;
import bg.digiclub.agent.health.sampling.HealthSampler;
import bg.digiclub.agent.health.sampling.SamplingTtls;
import bg.digiclub.agent.health.sampling.SamplingWorker;
import bg.digiclub.agent.health.sampling.oshi.OshiHealthSampler;
import bg.digiclub.agent.health.sampling.oshi.PlatformReaders;
import bg.digiclub.agent.health.sampling.smart.SmartHealthReader;
import bg.digiclub.agent.health.sampling.smart.SmartHealthSampler;
import bg.digiclub.agent.link.AgentRequests;
import bg.digiclub.agent.link.LinkServer;
import bg.digiclub.agent.live.CommandJournal;
import bg.digiclub.agent.live.CommandRunner;
import bg.digiclub.agent.live.DeviceToken;
import bg.digiclub.agent.live.LiveClient;
import bg.digiclub.agent.live.LiveSettings;
import bg.digiclub.agent.member.CardSync;
import bg.digiclub.agent.member.ClubCardReplica;
import bg.digiclub.agent.member.HttpCardSyncTransport;
import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.MemberStore;
import bg.digiclub.agent.member.SqliteMemberStore;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.metrics.AgentTextfile;
import bg.digiclub.agent.metrics.RoundFigures;
import bg.digiclub.agent.metrics.TextfileRound;
import bg.digiclub.agent.room.ClubRoom;
import bg.digiclub.agent.room.PcConsole;
import bg.digiclub.agent.room.PowerControl;
import bg.digiclub.agent.room.RoomTicker;
import bg.digiclub.agent.service.AgentService;
import bg.digiclub.agent.service.AlreadyRunningException;
import bg.digiclub.agent.service.FileSecurity;
import bg.digiclub.agent.service.HealthMonitor;
import bg.digiclub.agent.service.InstanceLock;
import bg.digiclub.agent.service.NativeSetup;
import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.session.SessionWatchdog;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.store.Retention;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.agent.upload.Backoff;
import bg.digiclub.agent.upload.CollectorHttp;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentClient;
import bg.digiclub.agent.upload.EnrolmentException;
import bg.digiclub.agent.upload.EnrolmentStore;
import bg.digiclub.agent.upload.Outbox;
import bg.digiclub.agent.upload.PayloadGuard;
import bg.digiclub.agent.upload.PendingEnrolment;
import bg.digiclub.agent.upload.PrivacyGuard;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.agent.upload.UploadRound;
import bg.digiclub.agent.upload.UploadSchedule;
import bg.digiclub.agent.upload.UploadService;
import bg.digiclub.agent.upload.UploadStatus;
import bg.digiclub.agent.upload.Uploader;
import bg.digiclub.agent.usage.HealthSource;
import bg.digiclub.agent.usage.LedgerUsageSource;
import bg.digiclub.agent.usage.PeriodSealer;
import bg.digiclub.agent.usage.StoreHealthSource;
import bg.digiclub.agent.usage.UsageSource;
import bg.digiclub.agent.visitor.MediaAutomount;
import bg.digiclub.agent.visitor.SessionEvents;
import bg.digiclub.agent.visitor.VisitorAccount;
import bg.digiclub.agent.visitor.VisitorAccounts;
import bg.digiclub.common.ProgramVersion;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;

/**
 * Where the agent's objects are created and wired together — the one place that knows
 * which implementation serves which part.
 */
public final class AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

    /** The agent's version, from the jar's manifest; "dev" when run from classes. */
    public static final String VERSION =
            ProgramVersion.number(AgentRuntime.class).orElse("dev");

    private AgentRuntime() {}

    /**
     * What every command does first, before anything is written: the data and log directories
     * are checked (or created) private to the agent's account, the native libraries are set up
     * from their fixed place, and from then on every file the agent creates is private to its
     * account (umask 077). The umask is set here rather than on the first line of {@code main}
     * because it is set through JNA, whose native library lives in the data directory, known
     * only once the configuration is read; nothing is created before this.
     *
     * @throws bg.digiclub.agent.service.UnsafeDirectoryException if a directory is open to other accounts
     */
    public static void prepareFiles(AgentConfig config) throws IOException {
        FileSecurity files = FileSecurity.forThisPlatform();
        files.requirePrivateDirectory(config.dataDir(), "data directory (data-dir)");
        files.requirePrivateDirectory(config.logDir(), "log directory (log-dir)");
        NativeSetup.apply(config.dataDir());
        files.makeNewFilesPrivate();
    }

    /**
     * {@code agent run}: starts the service and blocks until it is stopped.
     *
     * @param liveHealth print the health line every round (else on status changes and hourly)
     * @throws AlreadyRunningException if another agent runs on the same data directory
     */
    public static int run(AgentConfig config, boolean liveHealth)
            throws IOException, SQLException, InterruptedException, AlreadyRunningException {
        prepareFiles(config);
        ServiceLogging.start(config.logDir());
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(config.dataDir());
        if (lock.isEmpty()) {
            throw new AlreadyRunningException(config.dataDir());
        }
        Clock clock = config.clock();
        Database db = new DatabaseOpener(config.dataDir(), clock).open();
        SamplingWorker worker = new SamplingWorker(
                samplerFactory(config, clock), config.sampling().timeout(), clock);
        AtomicReference<HealthReport> latest = new AtomicReference<>();
        SessionLedger ledger = new SessionLedger(db);
        // node_exporter's textfile (metrics.textfile-dir): the round's figures where the municipality's IT looks
        Optional<TextfileRound> textfile = textfileRound(config, db, ledger, clock);
        Consumer<HealthReport> reports = HealthMonitor.toStatusFile(new StatusFile(config.dataDir()))
                .andThen(latest::set)
                .andThen(new LiveHealthLine(liveHealth));
        Consumer<HealthRound> publish = round -> reports.accept(round.report());
        if (textfile.isPresent()) {
            publish = publish.andThen(textfile.get());
        }
        SampleStore samples = new SampleStore(db, clock);
        AlertStore alerts = new AlertStore(db, clock);
        RaisedChecks raised = raisedChecks(alerts, clock);
        HealthMonitor monitor =
                new HealthMonitor(worker, new HealthEvaluator(config.thresholds()), samples, alerts, raised, publish);
        VisitorAccount visitor =
                VisitorAccounts.forThisPc(config.visitor(), config.sourceName(), config.agentDirectories());
        LOG.info("visitor account: {}", visitor);
        Optional<MediaAutomount> automount = VisitorAccounts.mediaAutomount(config.visitor(), visitor);
        automount.ifPresent(a -> LOG.info("removable media: {}", a));
        SessionAuthority sessions = new SessionAuthority(
                ledger,
                visitor,
                raised,
                clock,
                config.sessions().heartbeatInterval(),
                new SecureRandom(),
                automount.<SessionEvents>map(a -> a).orElse(SessionEvents.NONE));
        automount.ifPresent(MediaAutomount::start);
        SessionWatchdog watchdog =
                SessionWatchdog.start(sessions, config.sessions().heartbeatInterval());
        ClubCardReplica clubCards = new ClubCardReplica(db);
        // each member session's card and day, for the club's distinct members (sent with the card sync)
        sessions.recordMemberVisits(clubCards);
        // the club room: the PC's state and staff's commands for the live channel, the club's rules
        ClubRoom room = ClubRoom.open(sessions, db, PowerControl.forThisPc(), latest::get, VERSION, clock);
        RoomTicker roomTicker = RoomTicker.start(room);
        LinkServer link = startLink(config, db, ledger, clubCards, sessions, room, watchdog, latest::get, clock);
        // the club's cards: its "sync now" (a Runnable) is for the live channel's CardsChanged
        Optional<CardSync> cardSync = cardSync(config, db, clubCards, ledger, clock);
        Optional<UploadService> upload = uploadService(
                config, db, ledger, samples, alerts, () -> Optional.ofNullable(latest.get()), raised, clock);
        if (upload.isEmpty()) {
            LOG.info("no collector configured (upload.url): statistics stay on this PC");
        }
        // the mentor's console: the room's state up, staff's commands down (connects once enrolled)
        // (both need a collector: without one there is no card sync and no live channel either)
        Runnable cardsSyncNow = cardSync.<Runnable>map(sync -> sync).orElse(() -> {});
        Optional<LiveClient> live = startLive(config.upload(), config.live(), db, room, cardsSyncNow, clock);
        // closed in reverse order: the live channel and the link stop taking commands before the database closes
        AgentService service = new AgentService(
                monitor,
                new Retention(db, clock),
                upload,
                config.sampling().interval(),
                resources(lock.get(), db, worker, watchdog, roomTicker, automount, link, cardSync, live));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "agent-shutdown"));
        LOG.info(
                "data in {}, logs in {}, configuration from {}",
                config.dataDir(),
                config.logDir(),
                config.source() == null ? "embedded defaults" : config.source());
        service.start();
        service.awaitStop();
        return 0;
    }

    /**
     * The textfile's round when {@code metrics.textfile-dir} is set: the session from the ledger, the
     * outbox and the last delivery from the database when a collector is configured.
     */
    private static Optional<TextfileRound> textfileRound(
            AgentConfig config, Database db, SessionLedger ledger, Clock clock) {
        Optional<Path> dir = config.metrics().textfileDir();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        boolean uploads = config.upload().collectorUrl().isPresent();
        TextfileRound.PcState state = new TextfileRound.PcState() {
            @Override
            public boolean sessionOpen() throws SQLException {
                return ledger.openSession().isPresent();
            }

            @Override
            public Optional<RoundFigures.UploadFigures> upload() throws SQLException {
                if (!uploads) {
                    return Optional.empty();
                }
                UploadStatus status = UploadStatus.read(db);
                return Optional.of(new RoundFigures.UploadFigures(
                        status.outbox().waitingTotal(), status.retry().lastSuccessAt()));
            }
        };
        LOG.info(
                "metrics for node_exporter in {} (mode 0640, group {})",
                dir.get().resolve(AgentTextfile.FILE_NAME),
                config.metrics().textfileGroup());
        return Optional.of(new TextfileRound(
                new AgentTextfile(dir.get(), config.metrics().textfileGroup()), state, VERSION, clock));
    }

    /** What the service closes, in reverse order; the media automount and the live channel when there are. */
    private static List<AutoCloseable> resources(
            InstanceLock lock,
            Database db,
            SamplingWorker worker,
            SessionWatchdog watchdog,
            RoomTicker roomTicker,
            Optional<MediaAutomount> automount,
            LinkServer link,
            Optional<CardSync> cardSync,
            Optional<LiveClient> live) {
        List<AutoCloseable> all = new ArrayList<>(List.of(lock, db, worker, watchdog, roomTicker));
        automount.ifPresent(all::add);
        all.add(link);
        cardSync.ifPresent(all::add);
        live.ifPresent(all::add);
        return all;
    }

    /**
     * The club's cards kept in step through the collector, every {@code members.sync-seconds}; empty
     * when no collector is configured (the cards are then this PC's alone).
     */
    private static Optional<CardSync> cardSync(
            AgentConfig config, Database db, ClubCardReplica replica, SessionLedger ledger, Clock clock) {
        if (config.upload().collectorUrl().isEmpty()) {
            return Optional.empty();
        }
        CardSync sync = new CardSync(
                replica,
                ledger,
                new HttpCardSyncTransport(CollectorHttp.client(config.upload()), new EnrolmentStore(db)::credentials),
                clock);
        // a card changed on this PC goes to the club at once, not at the next round
        replica.onLocalChange(sync);
        sync.start(config.members().syncInterval());
        return Optional.of(sync);
    }

    /**
     * {@code agent status} with no agent running: samples twice, a second apart (CPU load and
     * rates need two readings), and evaluates the second sample. Writes nothing but the native
     * libraries' one-time copy.
     */
    public static HealthReport sampleOnce(AgentConfig config, Clock clock) throws IOException, InterruptedException {
        prepareFiles(config);
        HealthSampler sampler = samplerFactory(config, clock).get();
        sampler.sample();
        Thread.sleep(1_000);
        HealthSample sample = sampler.sample();
        return new HealthEvaluator(config.thresholds()).evaluate(sample).report();
    }

    /**
     * The kiosk's link. A session left open by a crash or power cut is not closed here: its
     * kiosk may still be running and heartbeat again; if it does not, the watchdog ends it.
     */
    private static LinkServer startLink(
            AgentConfig config,
            Database db,
            SessionLedger ledger,
            ClubCardReplica clubCards,
            SessionAuthority sessions,
            ClubRoom room,
            SessionWatchdog watchdog,
            Supplier<HealthReport> health,
            Clock clock)
            throws SQLException, IOException {
        SlowHash hasher = new SlowHash(config.members().pbkdf2Iterations());
        MemberStore members = new SqliteMemberStore(
                db,
                hasher,
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                config.members().allowances(),
                ledger,
                clubCards,
                clock);
        StaffPin staffPin = new StaffPin(db, hasher, LockoutPolicy.STAFF, clock);
        if (!staffPin.isSet()) {
            LOG.warn(
                    "no staff PIN is set: the kiosk's staff panel stays closed until one is (digiclub-agent staff-pin)");
        }
        LinkServer link = LinkServer.start(
                config.link().server(),
                AgentRequests.dispatcher(
                        sessions, members, staffPin, health, config.link().staffTokenTtl(), clock, Optional.of(room)),
                clock,
                // a kiosk that died ends its session at once (SessionAuthority knows its process)
                watchdog::nudge);
        LOG.info("kiosk link listening on {}", link.socketPath());
        return link;
    }

    /**
     * {@code agent staff-pin}: sets the staff PIN (and lifts a staff lockout); {@code demo} lets
     * the quick start set its published demo PIN.
     */
    public static void setStaffPin(AgentConfig config, char[] pin, boolean demo) throws IOException, SQLException {
        prepareFiles(config);
        Clock clock = config.clock();
        try (Database db = new DatabaseOpener(config.dataDir(), clock).open()) {
            new StaffPin(db, new SlowHash(config.members().pbkdf2Iterations()), LockoutPolicy.STAFF, clock)
                    .set(pin, demo);
        }
    }

    /** {@code agent staff-pin --unlock}: lifts a staff lockout, keeps the PIN; false if none is set. */
    public static boolean unlockStaff(AgentConfig config) throws IOException, SQLException {
        prepareFiles(config);
        Clock clock = config.clock();
        try (Database db = new DatabaseOpener(config.dataDir(), clock).open()) {
            return new StaffPin(db, new SlowHash(config.members().pbkdf2Iterations()), LockoutPolicy.STAFF, clock)
                    .unlock();
        }
    }

    /**
     * {@code agent unlock-pc}: puts a PC staff locked from the club page back in service, when the
     * club page cannot be reached; false if it was not locked.
     */
    public static boolean unlockPc(AgentConfig config) throws IOException, SQLException {
        prepareFiles(config);
        try (Database db = new DatabaseOpener(config.dataDir(), config.clock()).open()) {
            return ClubRoom.unlockOnDisk(db);
        }
    }

    /** {@code agent enrol}: exchanges the club's enrolment code for this PC's device id and token. */
    public static DeviceCredentials enrol(AgentConfig config, String code)
            throws IOException, SQLException, EnrolmentException {
        prepareFiles(config);
        Clock clock = config.clock();
        try (Database db = new DatabaseOpener(config.dataDir(), clock).open()) {
            return enrolmentClient(config.upload(), db, VERSION, clock).enrol(code);
        }
    }

    /**
     * {@code agent upload --now}: seals what is due and sends everything waiting, once. Safe
     * beside a running agent: the database serializes writers, the collector's idempotency
     * covers a batch both send.
     */
    public static UploadRound uploadNow(AgentConfig config) throws IOException, SQLException {
        prepareFiles(config);
        Clock clock = config.clock();
        try (Database db = new DatabaseOpener(config.dataDir(), clock).open()) {
            // no current report outside the service: the health snapshot of this slot waits for it
            AlertStore alerts = new AlertStore(db, clock);
            UploadService service = uploadService(
                            config,
                            db,
                            new SessionLedger(db),
                            new SampleStore(db, clock),
                            alerts,
                            Optional::empty,
                            raisedChecks(alerts, clock),
                            clock)
                    .orElseThrow(() -> new ConfigException(
                            "no collector configured: set upload.url in the agent's configuration"));
            return service.uploadNow();
        }
    }

    /**
     * The checks the agent raises by its own rules, part of every health report: a replaced
     * database, the staff lockout, a failed reset and a batch the upload contract refused.
     */
    public static RaisedChecks raisedChecks(AlertStore alerts, Clock clock) {
        return new RaisedChecks(
                alerts,
                Set.of(
                        DatabaseOpener.CHECK,
                        StaffPin.ALERT_CHECK,
                        SessionAuthority.RESET_CHECK,
                        UploadService.CONTRACT_CHECK),
                clock);
    }

    /** The upload service over the ledger and the health stores; empty when no collector is configured. */
    private static Optional<UploadService> uploadService(
            AgentConfig config,
            Database db,
            SessionLedger ledger,
            SampleStore samples,
            AlertStore alerts,
            Supplier<Optional<HealthReport>> current,
            RaisedChecks raised,
            Clock clock) {
        return uploadService(
                config.upload(),
                db,
                new LedgerUsageSource(ledger),
                new StoreHealthSource(
                        samples, alerts, current, config.sampling().interval(), clock),
                config.sampling().interval(),
                VERSION,
                clock,
                PrivacyGuard.forThisPc(),
                config.enrolment().pendingCodeFile(),
                raised);
    }

    /**
     * The statistics path of one agent — aggregation, outbox, uploader, schedule — as
     * {@code agent run} and {@code agent upload --now} wire it, with this PC's privacy guard; empty
     * when no collector is configured ({@code upload.url} unset). The end-to-end tests call this.
     *
     * @param sampleInterval the health sampling interval (a sample vouches for that long of running)
     * @param agentVersion   goes into every batch's envelope
     */
    public static Optional<UploadService> uploadService(
            UploadConfig config,
            Database db,
            UsageSource usage,
            HealthSource health,
            Duration sampleInterval,
            String agentVersion,
            Clock clock) {
        return uploadService(config, db, usage, health, sampleInterval, agentVersion, clock, PrivacyGuard.forThisPc());
    }

    /**
     * As {@link #uploadService(UploadConfig, Database, UsageSource, HealthSource, Duration, String, Clock)},
     * with another guard (tests).
     */
    public static Optional<UploadService> uploadService(
            UploadConfig config,
            Database db,
            UsageSource usage,
            HealthSource health,
            Duration sampleInterval,
            String agentVersion,
            Clock clock,
            PayloadGuard guard) {
        return uploadService(
                config,
                db,
                usage,
                health,
                sampleInterval,
                agentVersion,
                clock,
                guard,
                Optional.empty(),
                raisedChecks(new AlertStore(db, clock), clock));
    }

    /**
     * The wiring itself; {@code pendingCodeFile} holds an enrolment code the install left, until the
     * collector answers.
     */
    private static Optional<UploadService> uploadService(
            UploadConfig config,
            Database db,
            UsageSource usage,
            HealthSource health,
            Duration sampleInterval,
            String agentVersion,
            Clock clock,
            PayloadGuard guard,
            Optional<Path> pendingCodeFile,
            RaisedChecks raised) {
        Objects.requireNonNull(config, "config");
        if (config.collectorUrl().isEmpty()) {
            return Optional.empty();
        }
        URI url = config.collectorUrl().get();
        Outbox outbox = new Outbox(db, config.outbox(), guard, clock);
        EnrolmentStore enrolment = new EnrolmentStore(db);
        SecureRandom random = new SecureRandom();
        OkHttpClient http = CollectorHttp.client(config);
        Uploader uploader = new Uploader(
                outbox,
                enrolment,
                db,
                http,
                url,
                new Backoff(config.initialBackoff(), config.maxBackoff(), random),
                clock,
                config.maxBatchesPerRound());
        PeriodSealer sealer = new PeriodSealer(
                db, outbox, enrolment, usage, health, sampleInterval, config.healthInterval(), agentVersion, clock);
        UploadSchedule schedule =
                new UploadSchedule(config.usageWindowStart(), config.usageWindowEnd(), config.healthInterval(), random);
        Optional<PendingEnrolment> pending = pendingCodeFile.map(file -> new PendingEnrolment(
                file,
                new EnrolmentClient(http, url, enrolment, clock, agentVersion),
                enrolment,
                new Backoff(config.initialBackoff(), config.maxBackoff(), random),
                clock));
        return Optional.of(
                new UploadService(outbox, enrolment, db, uploader, sealer, schedule, clock, pending, raised));
    }

    /**
     * The live channel to the collector (docs/live.md) for the PC {@code console}, started: it
     * connects as soon as the PC is enrolled, with the upload's token, address and HTTP settings.
     * Empty when {@code live.enabled} is false or no collector is configured ({@code upload.url}).
     * The end-to-end tests call this.
     *
     * @param cardsSyncNow the cards' "sync now", run when the collector says the club's cards changed
     */
    public static Optional<LiveClient> startLive(
            UploadConfig upload,
            LiveSettings live,
            Database db,
            PcConsole console,
            Runnable cardsSyncNow,
            Clock clock) {
        if (!live.enabled() || upload.collectorUrl().isEmpty()) {
            LOG.info(
                    "no live channel: {}",
                    live.enabled() ? "no collector configured (upload.url)" : "live.enabled = false");
            return Optional.empty();
        }
        LiveClient client = new LiveClient(
                LiveClient.webSocketClient(CollectorHttp.client(upload), live),
                upload.collectorUrl().get(),
                DeviceToken.of(new EnrolmentStore(db)),
                console,
                new CommandRunner(new CommandJournal(db, clock), console),
                cardsSyncNow,
                new Backoff(live.initialBackoff(), live.maxBackoff(), new SecureRandom()),
                live);
        client.start();
        return Optional.of(client);
    }

    /** The client for {@code agent enrol} (code on standard input or in a file); needs {@code upload.url}. */
    public static EnrolmentClient enrolmentClient(UploadConfig config, Database db, String agentVersion, Clock clock) {
        URI url = config.collectorUrl()
                .orElseThrow(() -> new IllegalStateException(
                        "no collector configured: set upload.url in the agent's configuration"));
        return new EnrolmentClient(CollectorHttp.client(config), url, new EnrolmentStore(db), clock, agentVersion);
    }

    /** Everything is created inside the factory: it runs on the watched sampling thread. */
    private static Supplier<HealthSampler> samplerFactory(AgentConfig config, Clock clock) {
        return () -> {
            HealthSampler oshi = new OshiHealthSampler(PlatformReaders.systemInfo(), clock, SamplingTtls.DEFAULTS);
            if (!config.sampling().smartEnabled()) {
                return oshi;
            }
            return new SmartHealthSampler(
                    oshi,
                    SmartHealthReader.fromPath(
                            clock, SmartHealthReader.DEFAULT_TTL, SmartHealthReader.DEFAULT_COMMAND_TIMEOUT));
        };
    }
}
