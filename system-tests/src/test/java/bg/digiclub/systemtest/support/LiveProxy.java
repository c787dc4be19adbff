package bg.digiclub.systemtest.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.LiveMessage;

/**
 * A hostile network for the live channel: a TCP relay on a loopback port between the agent and the
 * collector that reads the WebSocket frames going through it (RFC 6455: the agent's masked, the
 * collector's plain), keeps every text frame for the privacy scan, and cuts connections where it
 * hurts most: right after a command went down to the agent, or when the agent's answer is on its
 * way up ({@link LiveFault}). It can also take the PC off the network and put it back.
 *
 * <p>Like {@link FaultProxy} it stands in for the network and the municipality's reverse proxy:
 * it passes the HTTP upgrade on (as nginx does with the Upgrade headers set) but drops the
 * {@code Sec-WebSocket-Extensions} offer, so that frames are not compressed and stay readable —
 * compression is the two ends' to agree, a proxy may refuse it. While the collector is down, or
 * the PC is off the network, a connection is answered 502 and closed.
 */
public final class LiveProxy implements AutoCloseable {
    /** Which way a frame went. */
    public enum Direction {
        /** Agent to collector. */
        UP,
        /** Collector to agent. */
        DOWN
    }

    /**
     * One text message that went through, whole (a fragmented one joined).
     *
     * @param connection which connection carried it, counted from 1 in the order they were made
     */
    public record Frame(int connection, Direction direction, String text) {
        /** The frame as the live channel reads it. */
        public LiveMessage message() {
            try {
                return JSON.readValue(text, LiveMessage.class);
            } catch (JsonProcessingException e) {
                throw new AssertionError("a frame that is not a live message went " + direction + ": " + text, e);
            }
        }

        /** The frame as the live channel reads it, or null if it is not a live message (a bad frame). */
        LiveMessage parsed() {
            try {
                return JSON.readValue(text, LiveMessage.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;

    private final ServerSocket listener;
    private final IntSupplier upstreamPort;
    private final Thread acceptor;
    private final Deque<LiveFault> queued = new ArrayDeque<>();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final List<LiveFault> applied = new CopyOnWriteArrayList<>();
    private final AtomicInteger upgraded = new AtomicInteger();
    private volatile boolean offline;

    /** @param upstreamPort the collector's current port, or -1 while it is down */
    public LiveProxy(IntSupplier upstreamPort) throws IOException {
        this.upstreamPort = Objects.requireNonNull(upstreamPort, "upstreamPort");
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "live-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where the agent reaches the collector (its {@code upload.url}: the live channel is beside the uploads). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** The next commands and answers get these faults, in order; everything else passes. */
    public synchronized LiveProxy then(LiveFault... faults) {
        queued.addAll(List.of(faults));
        return this;
    }

    public synchronized int faultsLeft() {
        return queued.size();
    }

    /** The faults applied so far, in order. */
    public List<LiveFault> applied() {
        return List.copyOf(applied);
    }

    /** Takes the PC off the network: its connection is cut, new ones get a 502 until {@link #online()}. */
    public void offline() {
        offline = true;
        cutAll();
    }

    /** Puts the PC back on the network. */
    public void online() {
        offline = false;
    }

    /** Cuts every open connection (TCP reset both ways), as a dropped line does. */
    public void cutAll() {
        for (Relay relay : relays) {
            relay.cut();
        }
    }

    /** How many connections were upgraded to the live channel so far (a reconnect adds one). */
    public int connections() {
        return upgraded.get();
    }

    /** Every text frame so far, both ways, in the order the proxy read them. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The messages that went {@code direction}, in order. */
    public List<LiveMessage> messages(Direction direction) {
        List<LiveMessage> out = new ArrayList<>();
        for (Frame frame : frames) {
            if (frame.direction() == direction) {
                out.add(frame.message());
            }
        }
        return out;
    }

    /** The commands that reached the agent (a repeat on a new connection counts again). */
    public List<Command> commandsDown() {
        return messages(Direction.DOWN).stream()
                .filter(Command.class::isInstance)
                .map(Command.class::cast)
                .toList();
    }

    /** The answers that went up (swallowed ones too: they were read before they were dropped). */
    public List<CommandAck> answersUp() {
        return messages(Direction.UP).stream()
                .filter(CommandAck.class::isInstance)
                .map(CommandAck.class::cast)
                .toList();
    }

    /**
     * What went through, one line per frame ("2 DOWN command EXTEND 1f0c…"), and the faults
     * applied: for a failing test's message.
     */
    public String summary() {
        StringBuilder out = new StringBuilder("connections " + connections() + ", faults applied " + applied());
        for (Frame frame : frames) {
            LiveMessage message = frame.parsed();
            String what;
            if (message instanceof Command c) {
                what = "command " + c.kind() + " " + c.id();
            } else if (message instanceof CommandAck a) {
                what = "ack " + a.outcome() + " " + a.commandId();
            } else {
                what = message == null ? "unreadable" : message.getClass().getSimpleName();
            }
            out.append("\n  ")
                    .append(frame.connection())
                    .append(' ')
                    .append(frame.direction())
                    .append(' ')
                    .append(what);
        }
        return out.toString();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket agent = listener.accept();
                Relay relay = new Relay(agent);
                relays.add(relay);
                Thread t = new Thread(relay::run, "live-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The fault at the head of the queue if it is one of {@code kinds}, taken off the queue; else null. */
    private synchronized LiveFault take(LiveFault... kinds) {
        LiveFault head = queued.peekFirst();
        if (head != null && List.of(kinds).contains(head)) {
            applied.add(head);
            return queued.pollFirst();
        }
        return null;
    }

    /** One agent connection and its connection to the collector. */
    private final class Relay {
        private final Socket agent;
        private volatile Socket collector;
        private volatile int number;
        /** After {@link #sever()}: the agent's frames are read and thrown away. */
        private volatile boolean severed;

        Relay(Socket agent) {
            this.agent = agent;
        }

        void run() {
            try (agent) {
                InputStream fromAgent = new BufferedInputStream(agent.getInputStream());
                OutputStream toAgent = agent.getOutputStream();
                List<String> request = head(fromAgent);
                int port = upstreamPort.getAsInt();
                if (request.isEmpty() || offline || port < 0) {
                    badGateway(toAgent);
                    return;
                }
                try (Socket up = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    collector = up;
                    InputStream fromCollector = new BufferedInputStream(up.getInputStream());
                    OutputStream toCollector = up.getOutputStream();
                    toCollector.write(forwarded(request, port));
                    toCollector.flush();
                    List<String> response = head(fromCollector);
                    toAgent.write(joined(response));
                    toAgent.flush();
                    if (response.isEmpty() || !response.get(0).contains(" 101 ")) {
                        fromCollector.transferTo(toAgent);
                        return;
                    }
                    number = upgraded.incrementAndGet();
                    Thread down =
                            new Thread(() -> pump(fromCollector, toAgent, Direction.DOWN), "live-proxy-down-" + number);
                    down.setDaemon(true);
                    down.start();
                    pump(fromAgent, toCollector, Direction.UP);
                    down.join();
                }
            } catch (IOException e) {
                // a cut, or either end hung up: nothing more to relay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                relays.remove(this);
            }
        }

        /** Relays frames one way until either end goes, applying the faults on the way. */
        private void pump(InputStream in, OutputStream out, Direction direction) {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            try {
                while (true) {
                    WebSocketFrame frame = WebSocketFrame.read(in);
                    if (frame.opcode() == TEXT || frame.opcode() == CONTINUATION) {
                        message.writeBytes(frame.payload());
                        if (frame.fin()) {
                            Frame whole = new Frame(number, direction, message.toString(StandardCharsets.UTF_8));
                            message.reset();
                            frames.add(whole);
                            if (severed) {
                                continue;
                            }
                            if (direction == Direction.UP && whole.parsed() instanceof CommandAck) {
                                LiveFault fault = take(LiveFault.DROP_ANSWER, LiveFault.DROP_ANSWER_THEN_OFFLINE);
                                if (fault == LiveFault.DROP_ANSWER_THEN_OFFLINE) {
                                    offline = true;
                                }
                                if (fault != null) {
                                    cut();
                                    return;
                                }
                            }
                            out.write(frame.raw());
                            out.flush();
                            if (direction == Direction.DOWN
                                    && whole.parsed() instanceof Command
                                    && take(LiveFault.CUT_AFTER_COMMAND) != null) {
                                sever();
                                return;
                            }
                            continue;
                        }
                    }
                    if (severed) {
                        continue;
                    }
                    out.write(frame.raw());
                    out.flush();
                    if (frame.opcode() == CLOSE) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the other pump, a cut, or an end hung up
                closeQuietly();
            }
        }

        /**
         * The line dies right after the last frame down: the collector sees a reset; the agent gets
         * what was sent (then the end of the stream), and what it sends from now on is lost.
         */
        private void sever() throws IOException {
            severed = true;
            Socket up = collector;
            if (up != null) {
                reset(up);
            }
            agent.shutdownOutput();
        }

        /** A dropped line: both ends see a reset, not an orderly close. */
        void cut() {
            reset(agent);
            Socket up = collector;
            if (up != null) {
                reset(up);
            }
        }

        private void closeQuietly() {
            try {
                agent.close();
                Socket up = collector;
                if (up != null) {
                    up.close();
                }
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** The request as the collector gets it: its own Host, no compression offered. */
    private static byte[] forwarded(List<String> request, int port) {
        List<String> out = new ArrayList<>();
        out.add(request.get(0));
        for (String line : request.subList(1, request.size())) {
            String name =
                    line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (name.equals("host") || name.equals("sec-websocket-extensions")) {
                continue;
            }
            out.add(line);
        }
        out.add("Host: 127.0.0.1:" + port);
        return joined(out);
    }

    private static byte[] joined(List<String> head) {
        StringBuilder all = new StringBuilder();
        for (String line : head) {
            all.append(line).append("\r\n");
        }
        return all.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void badGateway(OutputStream out) throws IOException {
        byte[] body = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** An HTTP head's lines up to the empty one; empty if the stream ended first. */
    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                if (n == 0) {
                    return lines;
                }
                lines.add(new String(bytes, 0, n, StandardCharsets.ISO_8859_1));
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cutAll();
    }
}
