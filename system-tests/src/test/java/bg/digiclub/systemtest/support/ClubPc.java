package bg.digiclub.systemtest.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.link.AgentRequests;
import bg.digiclub.agent.link.LinkServer;
import bg.digiclub.agent.link.LinkServerConfig;
import bg.digiclub.agent.member.Allowances;
import bg.digiclub.agent.member.CardSync;
import bg.digiclub.agent.member.ClubCardReplica;
import bg.digiclub.agent.member.HttpCardSyncTransport;
import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.SqliteMemberStore;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.room.ClubRoom;
import bg.digiclub.agent.room.RoomTicker;
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.agent.upload.CollectorHttp;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentStore;
import bg.digiclub.agent.upload.OutboxLimits;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.agent.upload.UploadService;
import bg.digiclub.agent.usage.LedgerUsageSource;
import bg.digiclub.agent.usage.StoreHealthSource;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;

/**
 * One club PC: the agent's real database in its data directory, session ledger, member cards,
 * staff PIN, link socket and upload service, wired as {@code AgentRuntime.run} wires them (same
 * classes, same order: interrupted sessions closed before the link opens), with the simulated
 * clock. What is not real is only what a test cannot reach: OSHI's hardware readings (the test
 * appends health samples itself, {@link #sample}) and the service loop's timer (the test calls
 * {@link UploadService#tick()} as the clock moves).
 */
public final class ClubPc implements AutoCloseable {
    public static final String STAFF_PIN = "24681357";
    /** How often this PC's "sampler" runs; a sample vouches for this long of the PC being on. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofMinutes(5);

    public static final String AGENT_VERSION = "0.1.0";
    /** The simulated kiosks say a session is alive every few minutes, not every 30 s. */
    public static final Duration HEARTBEAT = Duration.ofMinutes(Visit.HEARTBEAT_MINUTES);

    public final Path dataDir;
    public final Path socket;
    private final Clock clock;
    private final UploadConfig uploadConfig;
    /** What the PC's staff commands asked of its power (nothing is restarted here). */
    public final RecordedPower power = new RecordedPower();

    private Database db;
    private SessionLedger ledger;
    private SessionAuthority sessions;
    private SampleStore samples;
    private ClubRoom room;
    private RoomTicker roomTicker;
    private LinkServer link;
    private UploadService upload;
    private ClubCardReplica clubCards;
    /** The health monitor's latest report, as the agent keeps it; set by {@link #sample}. */
    private volatile HealthReport current;

    /**
     * @param collector where uploads go (the fault proxy in front of the collector)
     * @param callTimeout the agent's whole-request timeout
     */
    public ClubPc(Path dataDir, Clock clock, URI collector, Duration callTimeout) throws SQLException, IOException {
        this(dataDir, clock, uploadConfig(collector, callTimeout));
    }

    /** A PC with other upload settings. */
    public ClubPc(Path dataDir, Clock clock, UploadConfig uploadConfig) throws SQLException, IOException {
        this.dataDir = dataDir;
        this.socket = dataDir.resolve("run").resolve("agent.sock");
        this.clock = clock;
        this.uploadConfig = uploadConfig;
        start();
    }

    /**
     * The upload settings of the example configuration (window 02:00-05:00, health every 15
     * minutes, backoff from 30 s doubling up to 6 h), with the given call timeout (short, so that a
     * hung collector costs the test little real time).
     */
    public static UploadConfig uploadConfig(URI collector, Duration callTimeout) {
        return new UploadConfig(
                Optional.of(collector),
                List.of(),
                LocalTime.of(2, 0),
                LocalTime.of(5, 0),
                Duration.ofMinutes(15),
                100,
                OutboxLimits.DEFAULT,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                Duration.ofSeconds(2),
                callTimeout);
    }

    /** Starts the agent on its data directory, as after a boot. */
    public void start() throws SQLException, IOException {
        db = new DatabaseOpener(dataDir, clock).open();
        samples = new SampleStore(db, clock);
        AlertStore alerts = new AlertStore(db, clock);
        ledger = new SessionLedger(db);
        sessions = new SessionAuthority(
                ledger,
                new StandInVisitor(),
                new RaisedChecks(alerts, Set.of(SessionAuthority.RESET_CHECK), clock),
                clock,
                HEARTBEAT,
                new SecureRandom());
        SlowHash hasher = new SlowHash(SlowHash.MIN_ITERATIONS);
        SqliteMemberStore members = new SqliteMemberStore(
                db,
                hasher,
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                new Allowances(Duration.ofHours(2), Duration.ofHours(4)),
                ledger,
                clubCards = new ClubCardReplica(db),
                clock);
        sessions.recordMemberVisits(clubCards);
        StaffPin staffPin = new StaffPin(db, hasher, LockoutPolicy.DEFAULT, clock);
        if (!staffPin.isSet()) {
            staffPin.set(STAFF_PIN.toCharArray());
        }
        // the kiosk's account is this test's own (user.name); no socket group to apply
        LinkServerConfig linkConfig =
                LinkServerConfig.of(socket, null, List.of(System.getProperty("user.name")), List.of());
        room = ClubRoom.open(sessions, db, power, () -> current, AGENT_VERSION, clock);
        // its round every second tells the live channel of sessions started and ended, as in the agent
        roomTicker = RoomTicker.start(room);
        link = LinkServer.start(
                linkConfig,
                AgentRequests.dispatcher(
                        sessions,
                        members,
                        staffPin,
                        () -> current,
                        AgentRequests.DEFAULT_STAFF_TOKEN_TTL,
                        clock,
                        Optional.of(room)),
                clock);
        upload = AgentRuntime.uploadService(
                        uploadConfig,
                        db,
                        new LedgerUsageSource(ledger),
                        new StoreHealthSource(
                                samples, alerts, () -> Optional.ofNullable(current), SAMPLE_INTERVAL, clock),
                        SAMPLE_INTERVAL,
                        AGENT_VERSION,
                        clock)
                .orElseThrow();
    }

    /** {@code agent enrol} (the code on standard input). */
    public DeviceCredentials enrol(String code) throws Exception {
        return AgentRuntime.enrolmentClient(uploadConfig, db, AGENT_VERSION, clock)
                .enrol(code);
    }

    /** The kiosk's real client on this PC's socket. */
    public SocketAgentClient kiosk() {
        return new SocketAgentClient(socket, Duration.ofSeconds(10), Duration.ofSeconds(10), ":0");
    }

    /**
     * The club room (the PC's state and staff's commands for the live channel; notices, help and
     * grace for the kiosk), as the agent wires it into its session authority and link.
     */
    public ClubRoom room() {
        return room;
    }

    /** The agent's session watchdog, as its thread runs it every few seconds. */
    public void watchdog() {
        sessions.sweep();
    }

    /**
     * A health sample at the current simulated time, stored and evaluated as the health monitor
     * would: the PC is on, its disk 41 % free, every check OK.
     */
    public void sample() throws SQLException {
        Instant now = clock.instant();
        samples.append(new HealthSample(
                now, Map.of(Metric.UPTIME_S, 3600.0, Metric.fsFreePct("/"), 41.0), List.of(), List.of()));
        current = new HealthReport(
                HealthStatus.OK,
                now,
                List.of(
                        new CheckReport("disk:/", HealthStatus.OK, "41 % free", now),
                        new CheckReport("memory", HealthStatus.OK, "35 % used", now),
                        new CheckReport("uptime", HealthStatus.OK, "1 h", now)));
    }

    /**
     * The club's cards sync of this PC, as {@code AgentRuntime} wires it, without its timer (the test
     * calls {@link CardSync#syncOnce} as the clock moves); closed by the caller.
     */
    public CardSync cardSync() {
        return new CardSync(
                clubCards,
                ledger,
                new HttpCardSyncTransport(CollectorHttp.client(uploadConfig), new EnrolmentStore(db)::credentials),
                clock);
    }

    public UploadService upload() {
        return upload;
    }

    public Database database() {
        return db;
    }

    public SessionLedger ledger() {
        return ledger;
    }

    public Optional<DeviceCredentials> credentials() throws SQLException {
        return new EnrolmentStore(db).credentials();
    }

    /** Batches still waiting in the outbox. */
    public int waiting() throws SQLException {
        return upload.status().outbox().waitingTotal();
    }

    /** Stops the agent (link first, then the database), as a clean shutdown. */
    @Override
    public void close() throws SQLException {
        if (roomTicker != null) {
            roomTicker.close();
            roomTicker = null;
        }
        if (link != null) {
            link.close();
            link = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
