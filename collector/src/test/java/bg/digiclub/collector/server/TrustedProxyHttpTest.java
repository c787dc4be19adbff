package bg.digiclub.collector.server;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.testsupport.Patience;

/**
 * Behind the HTTPS proxy the throttles key on the client named in {@code X-Forwarded-For}, but
 * only when the connection comes from a configured trusted proxy; from anyone else the header is
 * ignored (else every failed guess could come "from" a new address).
 */
class TrustedProxyHttpTest {
    private static final ServerSettings BASE = RunningCollector.SETTINGS;

    @TempDir
    Path temp;

    private static int enrol(RunningCollector c, String code, String forwardedFor) throws Exception {
        HttpResponse<String> response = c.http.send(c.http.request("/api/v1/enrolments")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"enrolmentCode\":\"" + code + "\",\"agentVersion\":\"0.1.0\"}")));
        return response.statusCode();
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsThrottledNotTheProxy() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp, BASE.withTrustedProxies(List.of("127.0.0.1")))) {
            for (int i = 0; i < 10; i++) {
                assertEquals(403, enrol(c, "AAAA-AAAA-AAAA", "6.6.6.6, 198.51.100.1"));
            }
            assertEquals(429, enrol(c, RunningCollector.RODINA_CODE, "198.51.100.1"), "the guessing client is locked");
            assertEquals(
                    201,
                    enrol(c, RunningCollector.RODINA_CODE, "198.51.100.2"),
                    "another club behind the same proxy is not");
        }
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp, BASE)) {
            for (int i = 0; i < 10; i++) {
                assertEquals(403, enrol(c, "AAAA-AAAA-AAAA", "198.51.100." + (i + 1)));
            }
            assertEquals(
                    429,
                    enrol(c, RunningCollector.RODINA_CODE, "198.51.100.99"),
                    "a new X-Forwarded-For for every guess does not escape the throttle");
        }
    }

    @Test
    void theConnectionCapSparesTheTrustedProxyOnly() throws Exception {
        ServerSettings capped = BASE.withTrustedProxies(List.of("127.0.0.1")).withSlowClientLimits(4, 30, 256);
        try (RunningCollector c = new RunningCollector("sqlite", temp, capped)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                int proxyOpen = 0;
                int otherOpen = 0;
                for (int i = 0; i < 10; i++) {
                    sockets.add(connect("127.0.0.1", c.server.port()));
                    sockets.add(connect("127.0.0.3", c.server.port()));
                }
                // a request on each, so that every connection has been through the server
                for (Socket socket : sockets) {
                    try {
                        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: c\r\n\r\n".getBytes());
                    } catch (IOException closed) {
                        // closed at once: counted below
                    }
                }
                for (int i = 0; i < sockets.size(); i++) {
                    boolean answered = answered(sockets.get(i));
                    if (i % 2 == 0) {
                        proxyOpen += answered ? 1 : 0;
                    } else {
                        otherOpen += answered ? 1 : 0;
                    }
                }
                assertEquals(10, proxyOpen, "every connection of the trusted proxy is served");
                assertEquals(4, otherOpen, "another address gets the cap");
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /**
     * Fifty connections one after another from an address capped at four: each is served. The
     * server learns of a client's close when its selector gets to it, which on a busy machine can
     * be after the client has opened the next connections; until then a new one over the cap is
     * refused at once (with a cap of one, most are). So each connection is tried again until it is
     * served. Only the closes can give the places back within the wait: the idle timeout is longer.
     */
    @Test
    void aClosedConnectionGivesItsPlaceBack() throws Exception {
        int idleSeconds = (int) Patience.LIMIT.multipliedBy(2).toSeconds();
        try (RunningCollector c =
                new RunningCollector("sqlite", temp, BASE.withSlowClientLimits(4, idleSeconds, 256))) {
            for (int i = 0; i < 50; i++) {
                await("connection " + (i + 1) + " of one at a time served").until(() -> servedAndClosed(c));
            }
        }
    }

    /** Opens a connection, asks for {@code /healthz} and closes it: true if it was answered. */
    private static boolean servedAndClosed(RunningCollector c) throws IOException {
        try (Socket socket = connect("127.0.0.3", c.server.port())) {
            try {
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: c\r\n\r\n".getBytes());
            } catch (IOException refused) {
                return false;
            }
            return answered(socket);
        }
    }

    @Test
    void aFirstRequestHeadTrickledInIsCutOffAtTheIdleTimeout() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp, BASE.withSlowClientLimits(4, 2, 256));
                Socket slow = connect("127.0.0.3", c.server.port())) {
            slow.getOutputStream().write("GET /healthz HTTP/1.1\r\nX-Slow: ".getBytes());
            Thread trickle = new Thread(() -> {
                try {
                    // a byte every half second: never idle for 2 s (the simulated client's pace, not a wait)
                    for (int i = 0; i < 40; i++) {
                        Thread.sleep(500);
                        slow.getOutputStream().write('a');
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the server (or the test is over)
                }
            });
            trickle.start();
            assertEquals(false, answered(slow), "closed without an answer, though bytes kept coming");
            trickle.interrupt();
            trickle.join();
        }
    }

    private static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    /** True if an HTTP answer arrives on the socket; false if the server closed it. */
    private static boolean answered(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        try {
            byte[] start = new byte[12];
            int n = socket.getInputStream().read(start);
            return n > 0 && new String(start, 0, n).startsWith("HTTP/1.1 200");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("neither answered nor closed", e);
        } catch (IOException e) {
            return false;
        }
    }
}
