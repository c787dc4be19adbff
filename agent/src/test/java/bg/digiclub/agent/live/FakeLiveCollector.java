package bg.digiclub.agent.live;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcState;
import bg.digiclub.testsupport.Patience;

/**
 * The collector's live endpoint as the agent's tests need it, over real loopback HTTP (MockWebServer):
 * refuses the first upgrades when told to, accepts the rest, keeps every connection with what it
 * received (frames, the close code the agent sent) and sends what the test says on the newest one.
 */
final class FakeLiveCollector implements AutoCloseable {
    /** One upgrade request and, if accepted, its connection. */
    static final class Attempt {
        final RecordedRequest request;
        final long atNanos;
        final boolean accepted;
        volatile WebSocket socket;
        volatile boolean open;
        final List<String> frames = new CopyOnWriteArrayList<>();
        volatile Integer closeCode;
        volatile String closeReason;

        Attempt(RecordedRequest request, long atNanos, boolean accepted) {
            this.request = request;
            this.atNanos = atNanos;
            this.accepted = accepted;
        }
    }

    private final ObjectMapper json = StrictJson.mapper();
    private final MockWebServer server = new MockWebServer();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile int refusalCode = 503;
    /** When set, a connection is cut the moment an answer arrives on it, as if the answer was lost. */
    private volatile boolean cutOnAck;

    FakeLiveCollector() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long at = System.nanoTime();
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    attempts.add(new Attempt(request, at, false));
                    return new MockResponse.Builder().code(refusalCode).build();
                }
                Attempt attempt = new Attempt(request, at, true);
                attempts.add(attempt);
                return new MockResponse.Builder()
                        .webSocketUpgrade(new Side(attempt))
                        .build();
            }
        });
        server.start();
    }

    URI url() {
        return server.url("/").uri();
    }

    /** The next {@code n} upgrade requests are answered with HTTP {@code code}. */
    void refuseNext(int n, int code) {
        refusalCode = code;
        refusals.set(n);
    }

    void cutOnAck(boolean cut) {
        cutOnAck = cut;
    }

    List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    /** Waits for the {@code n}-th accepted connection (1 = the first) to be open and returns it. */
    Attempt awaitOpen(int n) {
        Patience.await("connection " + n + " open")
                .until(() -> accepted().size() >= n && accepted().get(n - 1).open);
        return accepted().get(n - 1);
    }

    List<Attempt> accepted() {
        return attempts.stream().filter(a -> a.accepted).toList();
    }

    /** The newest connection that is open. */
    Attempt latest() {
        List<Attempt> all = accepted();
        return all.get(all.size() - 1);
    }

    void send(Attempt to, LiveMessage message) throws IOException {
        sendRaw(to, json.writerFor(LiveMessage.class).writeValueAsString(message));
    }

    void sendRaw(Attempt to, String text) {
        if (!to.socket.send(text)) {
            throw new IllegalStateException("connection closed");
        }
    }

    /** Every text frame the agent sent, on every connection, in order. */
    List<String> frames() {
        return attempts.stream().flatMap(a -> a.frames.stream()).toList();
    }

    List<LiveMessage> messages() {
        return frames().stream().map(this::parse).toList();
    }

    List<CommandAck> acks() {
        return messages().stream()
                .filter(CommandAck.class::isInstance)
                .map(CommandAck.class::cast)
                .toList();
    }

    List<PcState> states(Attempt on) {
        return on.frames.stream()
                .map(this::parse)
                .filter(PcState.class::isInstance)
                .map(PcState.class::cast)
                .toList();
    }

    /** Waits until the agent sent a message matching {@code what} on any connection. */
    void awaitMessage(String name, Predicate<LiveMessage> what) {
        Patience.await(name).until(() -> messages().stream().anyMatch(what));
    }

    private LiveMessage parse(String text) {
        try {
            return json.readValue(text, LiveMessage.class);
        } catch (IOException e) {
            throw new AssertionError("the agent sent a frame that is not a live message: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The collector's side of one connection. */
    private final class Side extends WebSocketListener {
        private final Attempt attempt;

        Side(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            attempt.socket = ws;
            attempt.open = true;
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            attempt.frames.add(text);
            if (cutOnAck && parse(text) instanceof CommandAck) {
                // the answer never reaches the collector's table: it will send the command again
                ws.close(1011, "answer lost");
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            attempt.closeCode = code;
            attempt.closeReason = reason;
            attempt.open = false;
            ws.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            attempt.open = false;
        }
    }
}
