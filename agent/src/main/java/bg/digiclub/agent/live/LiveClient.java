package bg.digiclub.agent.live;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
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
import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;

/**
 * The agent's end of the live channel (docs/live.md): one WebSocket to the collector's
 * {@value #PATH} with the device's bearer token, kept open while the PC is enrolled, reconnected
 * with exponential backoff and full jitter when it drops. Up: the PC's {@link PcState} on connect,
 * within a second of every change (changes close together go as one) and at least every 30 s;
 * the answer to each command. Down: {@link Command}s, run at most once through the
 * {@link CommandRunner}; {@link Room}s, kept by the {@link PcConsole}; {@link CardsChanged}, which
 * runs the cards' "sync now". A frame that is not a live message closes the connection with 1003.
 *
 * <p>Two threads: "live" connects, reconnects and sends the state; "live-commands" runs what
 * came down in the order it came, so a slow command (ending a session resets the visitor's home)
 * never holds up the state. An answer whose connection dropped is not kept for the next one: the
 * collector sends an unanswered command again on every new connection, and the journal answers it.
 */
public final class LiveClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveClient.class);

    /** The collector's live endpoint, below its base URL. */
    public static final String PATH = "/api/v1/live";
    /** Close codes (RFC 6455): normal, going away (the agent stops), unacceptable data. */
    static final int NORMAL = 1000;

    static final int GOING_AWAY = 1001;
    static final int UNACCEPTABLE = 1003;

    private final OkHttpClient http;
    private final URI collector;
    private final DeviceToken token;
    private final PcConsole console;
    private final CommandRunner commands;
    private final Runnable cardsChanged;
    private final Backoff backoff;
    private final LiveSettings settings;
    private final LiveFrames frames = new LiveFrames();
    private final ScheduledExecutorService live;
    private final ExecutorService downstream;

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
        this.commands = Objects.requireNonNull(commands, "commands");
        this.cardsChanged = Objects.requireNonNull(cardsChanged, "cardsChanged");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.settings = Objects.requireNonNull(settings, "settings");
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("live"));
        // a reconnect or state send still waiting is dropped at close, not waited for
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.live = scheduler;
        this.downstream = Executors.newSingleThreadExecutor(daemon("live-commands"));
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
        // first on the command thread: the journal answers what a restart interrupted before any command runs
        downstream.execute(commands::recover);
        console.onChange(this::stateChanged);
        long every = settings.stateEvery().toMillis();
        live.execute(this::connect);
        live.scheduleWithFixedDelay(this::sendState, every, every, TimeUnit.MILLISECONDS);
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
        stop(live);
        stop(downstream);
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

    /** The connection {@code ws} is gone (or given up): the next one after the backoff. */
    private void lost(WebSocket ws, String why) {
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
        Duration wait = backoff.delay(failures, Optional.empty());
        LOG.info("live: connection {} ({}): again in {} ms", wasOpen ? "lost" : "failed", why, wait.toMillis());
        schedule(this::connect, wait);
    }

    /** Closes {@code ws} from this side and goes on as if it dropped. */
    private void drop(WebSocket ws, int code, String reason) {
        if (ws != current) {
            return;
        }
        ws.close(code, reason);
        lost(ws, "closed by the agent: " + code + " " + reason);
    }

    private void opened(WebSocket ws) {
        if (ws != current) {
            return;
        }
        open = true;
        openedAt = System.nanoTime();
        LOG.info("live: connected to {}", collector);
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

    /** On the command thread: runs what came down, in order. */
    private void handle(LiveMessage message) {
        try {
            if (message instanceof Command command) {
                answer(command);
            } else if (message instanceof Room room) {
                console.roomChanged(room);
            } else if (message instanceof CardsChanged) {
                cardsChanged.run();
            }
        } catch (RuntimeException e) {
            LOG.error("live: {} from the collector failed", message.getClass().getSimpleName(), e);
        }
    }

    private void answer(Command command) {
        CommandAck ack;
        try {
            ack = commands.run(command);
        } catch (SQLException e) {
            // not answered: the collector sends it again on the next connection, the journal decides then
            LOG.error("live: command {} could not be recorded or its answer kept", command.id(), e);
            return;
        }
        if (!send(ack)) {
            LOG.info("live: the answer to {} waits for the collector to send it again", command.id());
        }
    }

    /** What the collector sent on {@code ws}, or why it is refused. */
    private void received(WebSocket ws, String text) {
        LiveMessage message;
        try {
            message = frames.read(text);
            if (message instanceof PcState || message instanceof CommandAck) {
                throw new BadFrame("a " + message.getClass().getSimpleName() + " goes from the PC, never to it");
            }
        } catch (BadFrame e) {
            refuse(ws, e);
            return;
        }
        try {
            downstream.execute(() -> handle(message));
        } catch (RejectedExecutionException e) {
            // closing: the collector sends an unanswered command again
        }
    }

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
            onLive(() -> drop(ws, NORMAL, ""));
            LOG.info("live: the collector closes the connection: {} {}", code, reason);
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            onLive(() -> lost(ws, "closed " + code + " " + reason));
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            String why = response != null ? "HTTP " + response.code() : t.toString();
            onLive(() -> lost(ws, why));
        }
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
