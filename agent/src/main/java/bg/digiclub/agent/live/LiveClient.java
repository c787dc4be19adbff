package bg.digiclub.agent.live;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.room.PcConsole;
import bg.digiclub.agent.upload.Backoff;
import bg.digiclub.agent.upload.CollectorHttp;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcState;

/**
 * The agent's end of the live channel (docs/live.md): one WebSocket to the collector's
 * {@value #PATH} with the device's bearer token, kept open while the PC is enrolled, reconnected
 * with exponential backoff and full jitter when it drops. Up: the PC's {@link PcState} on connect,
 * within a second of every change (changes close together go as one) and at least every 30 s;
 * the answer to each command. Down: commands, run at most once through the
 * {@link CommandRunner}; rooms, kept by the {@link PcConsole}; "cards changed", which runs the
 * cards' "sync now" — all on the {@link Downstream}'s thread. A frame that is not a live message
 * closes the connection with 1003.
 *
 * <p>This class's thread ("live") connects, reconnects and sends the state. An answer whose
 * connection dropped is not kept for the next one: the collector sends an unanswered command again
 * on every new connection, and the journal answers it.
 */
public final class LiveClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveClient.class);

    /** The collector's live endpoint, below its base URL. */
    public static final String PATH = "/api/v1/live";
    /** Close codes (RFC 6455): normal, going away (the agent stops), unacceptable data. */
    static final int NORMAL = 1000;

    static final int GOING_AWAY = 1001;
    static final int UNACCEPTABLE = 1003;
    /** The collector's close code for a device revoked while connected (docs/live.md). */
    static final int REVOKED = 4001;

    private final OkHttpClient http;
    private final URI collector;
    private final DeviceToken token;
    private final PcConsole console;
    private final Backoff backoff;
    private final LiveSettings settings;
    private final LiveFrames frames = new LiveFrames();
    private final ScheduledExecutorService live;
    private final Downstream downstream;

    /** The connection being opened or open; written on the "live" thread only. */
    private volatile WebSocket current;
    /** {@link #current} is open: states and answers can go. */
    private volatile boolean open;

    private volatile boolean closed;
    // the "live" thread's own
    private int failures;
    private long openedAt;
    private boolean statePending;
    private boolean waitingForEnrolment;

    /**
     * @param http         a client made by {@link #webSocketClient}
     * @param collector    the collector's base URL ({@code upload.url})
     * @param token        the device's token; nothing connects while there is none
     * @param cardsChanged the cards' "sync now": run on the command thread, should return quickly
     */
    public LiveClient(
            OkHttpClient http,
            URI collector,
            DeviceToken token,
            PcConsole console,
            CommandRunner commands,
            Runnable cardsChanged,
            Backoff backoff,
            LiveSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.collector = Objects.requireNonNull(collector, "collector");
        this.token = Objects.requireNonNull(token, "token");
        this.console = Objects.requireNonNull(console, "console");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.settings = Objects.requireNonNull(settings, "settings");
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, LiveThreads.named("live"));
        // a reconnect or state send still waiting is dropped at close, not waited for
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.live = scheduler;
        this.downstream = new Downstream(console, commands, cardsChanged, this::send);
    }

    /**
     * The collector's HTTP client made fit for a long-lived WebSocket: pinged every
     * {@link LiveSettings#ping()} (a missing pong drops the connection), no read or call timeout
     * (the connection is idle by design between frames); connect timeout, pinning and no
     * redirects as the upload's.
     */
    public static OkHttpClient webSocketClient(OkHttpClient collectorHttp, LiveSettings settings) {
        return collectorHttp
                .newBuilder()
                .pingInterval(settings.ping())
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
    }

    /** Connects (when enrolled) and starts sending the state; returns at once. */
    public void start() {
        downstream.start();
        console.onChange(this::stateChanged);
        long every = settings.stateEvery().toMillis();
        live.execute(this::connect);
        live.scheduleWithFixedDelay(this::sendState, every, every, TimeUnit.MILLISECONDS);
    }

    /** True while the connection to the collector is open (states and answers can go up). */
    public boolean connected() {
        return open;
    }

    /** Closes the connection ("going away") and stops; a command being run is given a few seconds. */
    @Override
    public void close() {
        closed = true;
        try {
            live.execute(() -> {
                WebSocket ws = current;
                if (ws != null) {
                    ws.close(GOING_AWAY, "agent stopping");
                }
                current = null;
                open = false;
            });
        } catch (RejectedExecutionException e) {
            // already closed
        }
        LiveThreads.stop(live);
        downstream.close();
    }

    private void connect() {
        if (closed || current != null) {
            return;
        }
        Optional<String> bearer;
        try {
            bearer = token.current();
        } catch (SQLException e) {
            LOG.warn("live: cannot read this PC's enrolment, trying again: {}", e.toString());
            schedule(this::connect, settings.maxBackoff());
            return;
        }
        if (bearer.isEmpty()) {
            if (!waitingForEnrolment) {
                LOG.info("live: this PC is not enrolled (or its token was refused): no live connection until it is");
                waitingForEnrolment = true;
            }
            schedule(this::connect, settings.maxBackoff());
            return;
        }
        waitingForEnrolment = false;
        Request request = new Request.Builder()
                .url(CollectorHttp.endpoint(collector, PATH))
                .header("Authorization", "Bearer " + bearer.get())
                .build();
        current = http.newWebSocket(request, new Connection());
    }

    /**
     * The connection {@code ws} is gone (or given up): the next one after the backoff; after the
     * collector refused the token, not before the backoff's cap (the upload finds out too, on its
     * next round, and marks the PC for enrolling again, which stops the live channel's attempts).
     */
    private void lost(WebSocket ws, String why, boolean refused) {
        if (ws != current) {
            return;
        }
        current = null;
        boolean wasOpen = open;
        open = false;
        if (closed) {
            return;
        }
        // a connection that held for a while starts the backoff afresh; one that keeps dropping backs off
        if (wasOpen && System.nanoTime() - openedAt >= settings.maxBackoff().toNanos()) {
            failures = 0;
        }
        failures++;
        Duration wait = backoff.delay(failures, refused ? Optional.of(settings.maxBackoff()) : Optional.empty());
        // an offline PC tries every minute for weeks: the first failure is told, the rest only in debug
        if (failures == 1) {
            LOG.info("live: connection {} ({}): again in {} ms", wasOpen ? "lost" : "failed", why, wait.toMillis());
        } else {
            LOG.debug("live: attempt {} failed ({}): again in {} ms", failures, why, wait.toMillis());
        }
        schedule(this::connect, wait);
    }

    /** Closes {@code ws} from this side and goes on as if it dropped. */
    private void drop(WebSocket ws, int code, String reason) {
        if (ws != current) {
            return;
        }
        ws.close(code, reason);
        lost(ws, "closed by the agent: " + code + " " + reason, false);
    }

    /** The collector closes {@code ws}: the close is answered and the connection counted lost. */
    private void closedByCollector(WebSocket ws, int code, String reason) {
        if (ws != current) {
            return;
        }
        ws.close(NORMAL, null);
        lost(ws, "closed by the collector: " + code + " " + reason, code == REVOKED);
    }

    private void opened(WebSocket ws) {
        if (ws != current) {
            return;
        }
        open = true;
        openedAt = System.nanoTime();
        LOG.info("live: connected to {}{}", collector, failures > 1 ? " after " + failures + " failed attempts" : "");
        sendState();
    }

    /** Any thread: the state changed; it goes up after the coalescing pause, once for changes close together. */
    private void stateChanged() {
        if (closed) {
            return;
        }
        try {
            live.execute(() -> {
                if (!statePending) {
                    statePending = true;
                    schedule(
                            () -> {
                                statePending = false;
                                sendState();
                            },
                            settings.coalesce());
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void sendState() {
        if (!open) {
            return;
        }
        PcState state;
        try {
            state = console.state();
        } catch (RuntimeException e) {
            LOG.warn("live: the PC's state could not be taken", e);
            return;
        }
        send(state);
    }

    /** Sends on the open connection; false if there is none (the message is not kept). */
    private boolean send(LiveMessage message) {
        WebSocket ws = current;
        if (ws == null || !open) {
            return false;
        }
        return ws.send(frames.write(message));
    }

    /** What the collector sent on {@code ws}, or why it is refused. */
    private void received(WebSocket ws, String text) {
        LiveMessage message;
        try {
            message = frames.read(text);
            if (message instanceof PcState || message instanceof CommandAck) {
                throw new BadFrame("a " + message.getClass().getSimpleName() + " goes from the PC, never to it");
            }
        } catch (UnreadableCommand e) {
            // nothing runs; the answer says why, and the command is done with on the collector
            LOG.warn("live: a command this agent cannot read, refused: {}", e.reason());
            send(new CommandAck(e.commandId(), CommandOutcome.REFUSED, UNREADABLE_COMMAND));
            return;
        } catch (BadFrame e) {
            refuse(ws, e);
            return;
        }
        downstream.accept(message);
    }

    /** The answer to a command this agent cannot read (a newer collector's kind or field). */
    static final String UNREADABLE_COMMAND = "this PC's agent cannot read this command: update the agent";

    private void refuse(WebSocket ws, BadFrame e) {
        LOG.warn("live: bad frame from the collector: {}", e.reason());
        try {
            live.execute(() -> drop(ws, UNACCEPTABLE, e.reason()));
        } catch (RejectedExecutionException closing) {
            ws.cancel();
        }
    }

    private void onLive(Runnable r) {
        try {
            live.execute(r);
        } catch (RejectedExecutionException e) {
            // closing: nothing more to do
        }
    }

    private void schedule(Runnable r, Duration after) {
        if (!closed) {
            live.schedule(r, after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One connection's events, handed to the "live" thread (state) or the command thread (what came down). */
    private final class Connection extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
            // open at once, on OkHttp's reader thread, before its first onMessage: a command the
            // collector sends right after the upgrade is answered on this thread's watch, and an
            // answer sent while "not open yet" would be dropped (the collector waits for it)
            if (ws == current) {
                open = true;
            }
            onLive(() -> opened(ws));
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            if (ws == current) {
                received(ws, text);
            }
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            if (ws == current) {
                refuse(ws, new BadFrame("binary frames are not part of the live channel"));
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            onLive(() -> closedByCollector(ws, code, reason));
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            onLive(() -> lost(ws, "closed " + code + " " + reason, code == REVOKED));
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            String why = response != null ? "HTTP " + response.code() : t.toString();
            boolean refused = response != null && (response.code() == 401 || response.code() == 403);
            onLive(() -> lost(ws, why, refused));
        }
    }
}
