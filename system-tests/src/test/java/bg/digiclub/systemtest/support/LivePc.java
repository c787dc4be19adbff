package bg.digiclub.systemtest.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.live.LiveClient;
import bg.digiclub.agent.live.LiveSettings;

/**
 * A club PC on the live channel: a {@link ClubPc} (the agent's database, session authority, club
 * room and kiosk link, as the agent wires them) with the agent's real {@link LiveClient} to the
 * collector as {@code AgentRuntime.startLive} makes it, its command journal in the PC's database. The live connection goes to its own address
 * (the hostile {@link LiveProxy}); enrolment and uploads go straight to the collector.
 *
 * <p>Reconnects back off from 50 ms to 200 ms instead of 1 s to 60 s, so that a test with a
 * dozen cut connections waits for real time little; the backoff itself is the agent's tests'.
 */
public final class LivePc implements AutoCloseable {
    /** The live channel's timings here: the decision's ping and coalescing, a quick reconnect. */
    public static final LiveSettings SETTINGS =
            LiveSettings.DEFAULTS.withTimings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(30));

    private final ClubPc pc;
    private final Clock clock;
    private final URI live;
    private LiveClient client;

    /**
     * @param collector where the PC enrols and uploads
     * @param live      where its live connection goes
     */
    public LivePc(Path dataDir, Clock clock, URI collector, URI live) throws SQLException, IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.live = Objects.requireNonNull(live, "live");
        this.pc = new ClubPc(dataDir, clock, collector, Duration.ofSeconds(10));
    }

    /** The agent's pieces: database, kiosk link, enrolment. */
    public ClubPc agent() {
        return pc;
    }

    /** Opens the live channel (the PC must be enrolled, or it waits until it is). */
    public void connect() {
        if (client != null) {
            throw new IllegalStateException("the live channel is already open");
        }
        client = AgentRuntime.startLive(
                        ClubPc.uploadConfig(live, Duration.ofSeconds(10)),
                        SETTINGS,
                        pc.database(),
                        pc.room(),
                        () -> {},
                        clock)
                .orElseThrow();
    }

    /**
     * The agent stops (live channel, link, database) and starts again on the same data directory,
     * as after an update or a crash: what it remembers is what its database kept.
     */
    public void restart() throws SQLException, IOException {
        stop();
        pc.start();
        connect();
    }

    private void stop() throws SQLException {
        if (client != null) {
            client.close();
            client = null;
        }
        pc.close();
    }

    @Override
    public void close() throws SQLException {
        stop();
    }
}
