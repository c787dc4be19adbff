package bg.digiclub.collector.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;

/**
 * One club PC of the benchmark's fleet, as the collector sees an agent: a JDK WebSocket to
 * {@code /api/v1/live} with the device's bearer token, its state on connect and at every
 * {@link #changeState}, a ping when asked (the agent's OkHttp pings every 20 s), every command
 * answered DONE at once. It runs no thread of its own: the fleet's few threads call it, and the
 * JDK client calls it back as frames arrive. A closed connection is opened again after a second,
 * as the agent's backoff starts.
 */
final class SimulatedPc implements WebSocket.Listener {
    private static final ObjectWriter WRITER = StrictJson.mapper().writerFor(LiveMessage.class);
    private static final ObjectReader READER = StrictJson.mapper().readerFor(LiveMessage.class);
    private static final String VERSION = "0.1.0";

    final BenchDevices.Device device;
    private final LiveFleet fleet;
    private final Instant sessionStarted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    /** The sends under way, one after another (the JDK client allows one at a time); guarded by this. */
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    /** State changes so far; guarded by this. */
    private int changes;

    SimulatedPc(BenchDevices.Device device, LiveFleet fleet) {
        this.device = Objects.requireNonNull(device, "device");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
    }

    /** Opens the live connection; the future ends when it is open (or failed). */
    CompletableFuture<WebSocket> connect(HttpClient client, URI live) {
        return client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + device.token())
                .connectTimeout(Duration.ofSeconds(60))
                .buildAsync(live, this);
    }

    boolean connected() {
        return socket != null;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        fleet.opened();
        send(state());
        webSocket.request(1);
    }

    /** A new state: in session with a minute less, or, every fifth time, free. */
    void changeState() {
        if (socket != null && send(nextState())) {
            fleet.stateSent();
        }
    }

    /** A ping, as the agent's OkHttp sends one every 20 s. */
    void ping() {
        WebSocket ws = socket;
        if (ws != null) {
            enqueue(ws, () -> ws.sendPing(ByteBuffer.allocate(0)));
        }
    }

    private synchronized PcState nextState() {
        changes++;
        return state();
    }

    private synchronized PcState state() {
        Instant now = Instant.now();
        if (changes % 5 == 4) {
            return new PcState(now, PcMode.FREE, null, null, null, HealthStatus.OK, false, null, null, VERSION);
        }
        return new PcState(
                now,
                PcMode.IN_SESSION,
                VisitorKind.GUEST,
                60 - changes % 60,
                sessionStarted,
                HealthStatus.OK,
                false,
                null,
                null,
                VERSION);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            received(text);
        }
        webSocket.request(1);
        return null;
    }

    private void received(String text) {
        long now = System.nanoTime();
        LiveMessage message;
        try {
            message = READER.readValue(text);
        } catch (IOException e) {
            fleet.unreadable(text);
            return;
        }
        if (message instanceof Command command) {
            fleet.commandReceived(command, now);
            send(new CommandAck(command.id(), CommandOutcome.DONE, "shown"));
        } else if (message instanceof Room) {
            fleet.roomReceived();
        } else if (message instanceof CardsChanged) {
            fleet.cardsChangedReceived();
        } else {
            fleet.unreadable(text);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost(webSocket, "closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost(webSocket, error.toString());
    }

    private void lost(WebSocket webSocket, String why) {
        if (socket == webSocket) {
            socket = null;
            fleet.lost(this, why);
        }
    }

    private boolean send(LiveMessage message) {
        WebSocket ws = socket;
        if (ws == null) {
            return false;
        }
        String text;
        try {
            text = WRITER.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + message, e);
        }
        enqueue(ws, () -> ws.sendText(text, true));
        return true;
    }

    private synchronized void enqueue(WebSocket ws, Send send) {
        sending = sending.handle((ok, failed) -> null)
                .thenCompose(ignored -> ws.isOutputClosed() ? CompletableFuture.completedFuture(null) : send.start())
                .whenComplete((ok, failed) -> {
                    if (failed != null) {
                        fleet.sendFailed(failed);
                    }
                });
    }

    /** One send of the JDK client, started when the one before it has ended. */
    private interface Send {
        CompletableFuture<WebSocket> start();
    }
}
