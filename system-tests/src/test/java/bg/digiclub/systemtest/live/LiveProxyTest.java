package bg.digiclub.systemtest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.systemtest.support.LiveFault;
import bg.digiclub.systemtest.support.LiveProxy;
import bg.digiclub.systemtest.support.LiveProxy.Direction;
import bg.digiclub.testsupport.Patience;

/**
 * The hostile live proxy itself, between two plain WebSocket ends (a Javalin endpoint that sends a
 * command whenever the agent says its state, and the JDK's client that answers it), so that the end-to-end
 * tests can trust what it does: frames pass both ways unchanged and are read whole (a long one, a
 * fragmented one), and each fault cuts exactly where it says.
 */
class LiveProxyTest {
    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final Instant AT = Instant.parse("2026-12-05T09:30:00Z");

    private Javalin collector;
    private LiveProxy proxy;
    private final List<String> collectorGot = new CopyOnWriteArrayList<>();
    private final List<Command> sent = new CopyOnWriteArrayList<>();
    private final List<Object> collectorClosed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        collector = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = 0;
                    config.routes.ws("/api/v1/live", ws -> {
                        // the command goes down once the agent said its state, as the collector's does
                        ws.onMessage(ctx -> {
                            LiveMessage up = JSON.readValue(ctx.message(), LiveMessage.class);
                            if (up instanceof PcState) {
                                Command command =
                                        message("Затваряме в 18:00 — " + "моля, запазете работата си. ".repeat(8));
                                sent.add(command);
                                ctx.send(JSON.writerFor(LiveMessage.class).writeValueAsString(command));
                            } else {
                                collectorGot.add(ctx.message());
                            }
                        });
                        ws.onClose(ctx -> collectorClosed.add(ctx.status()));
                    });
                })
                .start();
        proxy = new LiveProxy(collector::port);
    }

    @AfterEach
    void stop() {
        proxy.close();
        collector.stop();
    }

    @Test
    void framesPassBothWaysUnchangedAndAreKeptWhole() throws Exception {
        Agent agent = Agent.connect(proxy.url());
        Command command = agent.awaitCommand();
        assertEquals(sent.get(0), command, "the long command (extended length) arrived as sent");
        agent.answerInTwoFragments(command);
        Patience.await("the answer reached the collector").until(() -> collectorGot.size() == 1);

        CommandAck ack = (CommandAck) JSON.readValue(collectorGot.get(0), LiveMessage.class);
        assertEquals(command.id(), ack.commandId());
        assertEquals(List.of(command), proxy.commandsDown());
        assertEquals(List.of(ack), proxy.answersUp(), "the fragmented answer was read whole");
        assertEquals(1, proxy.connections());
        assertEquals(
                List.of(Direction.UP, Direction.DOWN, Direction.UP),
                proxy.frames().stream().map(LiveProxy.Frame::direction).toList(),
                "state, command, answer");
        assertTrue(agent.open(), "nothing cut the connection");
    }

    @Test
    void aCutAfterACommandLosesTheAnswerWithTheConnection() throws Exception {
        proxy.then(LiveFault.CUT_AFTER_COMMAND);
        Agent agent = Agent.connect(proxy.url());
        Command command = agent.awaitCommand();
        Patience.await("the collector's end was cut").until(() -> collectorClosed.size() == 1);
        try {
            agent.answer(command);
        } catch (ExecutionException e) {
            // the JDK's client closes its output once its input ended: lost either way
        }
        assertEquals(List.of(LiveFault.CUT_AFTER_COMMAND), proxy.applied());
        assertEquals(0, proxy.faultsLeft());

        // a new connection passes again: the fault was for one command
        Agent again = Agent.connect(proxy.url());
        again.answer(again.awaitCommand());
        Patience.await("the second answer reached the collector").until(() -> !collectorGot.isEmpty());
        assertEquals(1, collectorGot.size(), "only the answer on the new connection got through");
        assertEquals(
                sent.get(1).id(), ((CommandAck) JSON.readValue(collectorGot.get(0), LiveMessage.class)).commandId());
        assertEquals(2, proxy.connections());
        assertEquals(List.of(command, sent.get(1)), proxy.commandsDown());
    }

    @Test
    void aDroppedAnswerNeverReachesTheCollector() throws Exception {
        proxy.then(LiveFault.DROP_ANSWER);
        Agent agent = Agent.connect(proxy.url());
        Command command = agent.awaitCommand();
        agent.answer(command);
        agent.awaitCut();
        assertEquals(List.of(), collectorGot, "the answer was swallowed");
        assertEquals(1, proxy.answersUp().size(), "the proxy read it before dropping it");
        assertEquals(List.of(LiveFault.DROP_ANSWER), proxy.applied());
    }

    @Test
    void offTheNetworkAConnectionIsRefusedUntilTheLineIsBack() throws Exception {
        Agent agent = Agent.connect(proxy.url());
        agent.awaitCommand();
        proxy.offline();
        agent.awaitCut();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> Agent.connect(proxy.url()));
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(
                502,
                ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        proxy.online();
        Agent.connect(proxy.url()).awaitCommand();
        assertEquals(2, proxy.connections());
    }

    private static Command message(String text) {
        return new Command(UUID.randomUUID(), CommandKind.MESSAGE, AT, AT.plusSeconds(600), null, text, null, null);
    }

    /** The agent's end, played by the JDK's WebSocket client. */
    private static final class Agent implements WebSocket.Listener {
        private final List<LiveMessage> got = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private WebSocket socket;

        static Agent connect(URI proxy) throws Exception {
            Agent agent = new Agent();
            agent.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + proxy.getPort() + "/api/v1/live"), agent)
                    .get(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS);
            PcState state = new PcState(AT, PcMode.FREE, null, null, null, HealthStatus.OK, false, null, null, "0.1.0");
            agent.socket
                    .sendText(JSON.writerFor(LiveMessage.class).writeValueAsString(state), true)
                    .get(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS);
            return agent;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    got.add(JSON.readValue(partial.toString(), LiveMessage.class));
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }

        Command awaitCommand() {
            Patience.await("a command reached the agent").until(() -> !got.isEmpty());
            return (Command) got.get(0);
        }

        void answer(Command command) throws Exception {
            socket.sendText(ackOf(command), true).get(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS);
        }

        void answerInTwoFragments(Command command) throws Exception {
            String ack = ackOf(command);
            int half = ack.length() / 2;
            socket.sendText(ack.substring(0, half), false).get(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS);
            socket.sendText(ack.substring(half), true).get(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS);
        }

        void awaitCut() {
            Patience.await("the connection was cut").until(closed::isDone);
        }

        boolean open() {
            return !closed.isDone() && !socket.isInputClosed() && !socket.isOutputClosed();
        }

        private static String ackOf(Command command) throws Exception {
            return JSON.writerFor(LiveMessage.class)
                    .writeValueAsString(new CommandAck(command.id(), CommandOutcome.DONE, "показано"));
        }
    }
}
