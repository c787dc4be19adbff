package bg.digiclub.collector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * The collector under 2,000 connections that each send a byte every 5 seconds: 1,000 from one
 * address (one visitor's PC), 1,000 spread over 25 addresses, half of them trickling a request
 * head and half an upload's body. {@code /healthz} and a real upload from another address are
 * answered while they trickle. Loopback addresses 127.0.0.0/8 stand for the different clients.
 * Latencies are printed (figures, not limits).
 */
class SlowClientsTest {
    private static final int FLOOD = 1000;
    private static final int SPREAD = 1000;
    private static final int SPREAD_ADDRESSES = 25;

    @TempDir
    Path temp;

    @Test
    void twoThousandSlowConnectionsLeaveHealthAndUploadsAnswering() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp);
                Trickle trickle = new Trickle()) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            // the slow uploads carry a real token (of another PC), so they get past the token check
            // to the body, where a request thread would wait for it
            EnrolmentResponse attacker = c.enrol(RunningCollector.ZAGORE_CODE);
            int port = c.server.port();
            String head = "POST /api/v1/batches HTTP/1.1\r\nHost: collector\r\nX-Slow: ";
            String bodyHead =
                    "POST /api/v1/batches HTTP/1.1\r\nHost: collector\r\nAuthorization: Bearer " + attacker.token()
                            + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{";
            check(c, pc, 1, "before the slow connections");
            List<Socket> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                flood.add(trickle.open("127.0.0.2", port, head));
            }
            List<Socket> bodies = new ArrayList<>();
            for (int i = 0; i < SPREAD; i++) {
                Socket socket =
                        trickle.open("127.0.1." + (1 + i % SPREAD_ADDRESSES), port, i % 2 == 0 ? head : bodyHead);
                if (i % 2 == 1) {
                    bodies.add(socket);
                }
            }
            trickle.start();

            check(c, pc, 2, "right after the 2,000 connections opened");
            trickle.awaitRounds(2);
            check(c, pc, 3, "after two rounds of trickling (10 s)");

            // a byte every 5 s is far below the minimum rate: a later byte fails the body (408)
            int slowBodiesClosed = closedByServer(bodies);
            for (int more = 0; more < 6 && slowBodiesClosed < bodies.size(); more++) {
                trickle.awaitRounds(1);
                slowBodiesClosed = closedByServer(bodies);
            }
            System.out.printf(
                    "slow clients: %d of %d slow upload bodies answered (408) and closed by the server "
                            + "after %d rounds%n",
                    slowBodiesClosed, bodies.size(), trickle.rounds());
            assertEquals(bodies.size(), slowBodiesClosed, "every slow body is cut off");
            int closed = closedByServer(flood);
            System.out.printf(
                    "slow clients: %d of %d connections from one address closed by the server (cap %d); "
                            + "%d writes failed over %d rounds%n",
                    closed,
                    FLOOD,
                    ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS,
                    trickle.failedWrites(),
                    trickle.rounds());
            assertTrue(
                    closed >= FLOOD - ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS,
                    "the per-address cap closes all but " + ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS + ": "
                            + closed);
        }
    }

    private static void check(RunningCollector c, EnrolmentResponse pc, long sequence, String when) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> health = c.http.send(c.http.request("/healthz").GET());
        long healthNanos = System.nanoTime() - start;
        assertEquals(200, health.statusCode(), when + ": " + health.body());
        Batch batch = day(pc, LocalDate.parse("2026-11-20").plusDays(sequence), sequence);
        start = System.nanoTime();
        HttpResponse<String> upload =
                c.http.upload(pc.token(), batch.batchId().toString(), c.json.writeValueAsBytes(batch));
        long uploadNanos = System.nanoTime() - start;
        assertEquals(200, upload.statusCode(), when + ": " + upload.body());
        System.out.printf(
                "slow clients, %s: /healthz %.1f ms, upload %.1f ms%n", when, healthNanos / 1e6, uploadNanos / 1e6);
    }

    private static Batch day(EnrolmentResponse pc, LocalDate date, long sequence) {
        Instant ten = date.atTime(10, 0).atZone(ZoneId.of("Europe/Sofia")).toInstant();
        Instant from = date.atStartOfDay(ZoneId.of("Europe/Sofia")).toInstant();
        return Batch.usage(
                UUID.randomUUID(),
                pc.deviceId(),
                pc.clubId(),
                "0.1.0",
                "Europe/Sofia",
                from,
                from.plusSeconds(24 * 3600),
                sequence,
                Evictions.NONE,
                new UsagePayload(
                        List.of(new HourUsage(ten, 2, 2, 0, 40, 60)),
                        List.of(new DayUsage(
                                date, List.of(new DemographicCount(AgeBand.AGE_55_64, Sex.MALE, 2)), 0, List.of()))));
    }

    /** How many of the sockets the server has closed (end of stream); polls until the count settles. */
    private static int closedByServer(List<Socket> sockets) throws IOException {
        boolean[] closed = new boolean[sockets.size()];
        int count = 0;
        for (int pass = 0, unchanged = 0; unchanged < 3; pass++) {
            int before = count;
            for (int i = 0; i < sockets.size(); i++) {
                if (!closed[i] && endOfStream(sockets.get(i))) {
                    closed[i] = true;
                    count++;
                }
            }
            unchanged = count == before ? unchanged + 1 : 0;
        }
        return count;
    }

    private static boolean endOfStream(Socket socket) throws IOException {
        if (socket.isClosed()) {
            return true;
        }
        socket.setSoTimeout(5);
        try {
            // an answer (408) may come before the end of the stream: read past it
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            do {
                n = in.read(buffer);
            } while (n > 0);
            return n == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** Sockets that each get one byte every 5 seconds from one thread. */
    private static final class Trickle implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();
        private final Thread thread = new Thread(this::run, "trickle");
        private int rounds;
        private int failedWrites;

        Socket open(String from, int port, String start) throws IOException {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            try {
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                failedWrites++; // closed by the server at once
            }
            synchronized (this) {
                sockets.add(socket);
            }
            return socket;
        }

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (!Thread.currentThread().isInterrupted()) {
                List<Socket> all;
                synchronized (this) {
                    all = new ArrayList<>(sockets);
                }
                int failed = 0;
                for (Socket socket : all) {
                    try {
                        socket.getOutputStream().write('a');
                    } catch (IOException e) {
                        failed++;
                    }
                }
                synchronized (this) {
                    failedWrites += failed;
                    rounds++;
                    notifyAll();
                }
                try {
                    // not a wait for a condition: the pace of the simulated slow clients, a byte every 5 s
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void awaitRounds(int more) throws InterruptedException {
            int target = rounds + more;
            while (rounds < target) {
                wait();
            }
        }

        synchronized int rounds() {
            return rounds;
        }

        synchronized int failedWrites() {
            return failedWrites;
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            synchronized (this) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
