package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.testsupport.TestClock;

/**
 * The kiosk keeps its link while other accounts churn connections and flood requests. The
 * agent (the test, as root) serves the socket and is also the kiosk; {@link PeerChurn} runs
 * under {@code setpriv} as other accounts in the socket's group, real other peers. Rounds are
 * driven one at a time and the clock is the test's, so what happens is the same on every run.
 * Needs root, as the development machines and CI run.
 */
class LinkFairnessTest {
    static final String NOBODY = "65534";
    static final String OTHER = "65533";
    static final String KIOSK_GROUP = "4242";
    static final int KIOSK_REQUESTS = 15;
    static final Pattern ROUND = Pattern.compile("done answered=(\\d+) busy=(\\d+) refused=(\\d+) closed=(\\d+)");

    @TempDir
    Path dir;

    Path socket;
    TestClock clock = TestClock.clubMorning();
    LinkServer server;
    List<Process> peers = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        assertEquals(
                0L,
                ((Number) Files.getAttribute(dir, "unix:uid")).longValue(),
                "this test switches accounts with setpriv and must run as root (as the dev machines and CI do)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        socket = dir.resolve("run").resolve("agent.sock");
    }

    @AfterEach
    void close() throws Exception {
        for (Process p : peers) {
            p.destroyForcibly().waitFor();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Handlers do not matter here, only who gets served: one cheap request type. */
    static RequestDispatcher dispatcher() {
        return RequestDispatcher.builder(LinkJson.mapper())
                .on(MessageTypes.SESSION_OPEN, body -> Map.of())
                .build();
    }

    void serve(PeerLimits limits) throws IOException {
        server = LinkServer.start(
                new LinkServerConfig(
                        socket,
                        KIOSK_GROUP,
                        List.of(),
                        List.of(KIOSK_GROUP),
                        "root",
                        limits,
                        Duration.ofMinutes(2),
                        65536),
                dispatcher(),
                clock);
    }

    /** A churning peer as {@code uid}, in the socket's group, driven round by round. */
    final class Churner {
        final BufferedReader out;
        final Writer in;

        Churner(String uid) throws IOException {
            Process p = AnotherAccount.run(dir, uid, KIOSK_GROUP, PeerChurn.class, socket.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            peers.add(p);
            out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            assertEquals("ready", out.readLine());
        }

        /** Runs one round; its counts: answered, busy, refused, closed. */
        int[] round(int connections, int requests) throws IOException {
            in.write("round " + connections + " " + requests + "\n");
            in.flush();
            String line = out.readLine();
            Matcher m = ROUND.matcher(String.valueOf(line));
            assertTrue(m.matches(), line);
            return new int[] {
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))
            };
        }
    }

    @Test
    void everyKioskRequestIsAnsweredWhileAnotherAccountChurnsConnectionsAndFloods() throws Exception {
        serve(new PeerLimits(4, 2, 2, RequestRate.perSecond(50), RequestRate.perSecond(10)));
        Churner churner = new Churner(NOBODY);

        int answered = 0;
        int churnerAnswered = 0;
        int churnerBusy = 0;
        LinkTestClient kiosk = new LinkTestClient(socket);
        try {
            for (int i = 0; i < KIOSK_REQUESTS; i++) {
                try {
                    kiosk.ok(MessageTypes.SESSION_OPEN, null);
                    answered++;
                } catch (IOException | AssertionError e) {
                    // as the kiosk does: the request fails, the next one connects again
                    kiosk.close();
                    kiosk = new LinkTestClient(socket);
                }
                // the kiosk waits for its next heartbeat; the other account does not
                clock.advance(Duration.ofSeconds(2));
                int[] round = churner.round(4, 10);
                churnerAnswered += round[0];
                churnerBusy += round[1];
            }
        } finally {
            kiosk.close();
        }
        assertEquals(KIOSK_REQUESTS, answered, "kiosk requests answered while another account churned");
        // 40 at once, then 10 a second: 20 in each round's 2 s, of 40 asked
        assertEquals(40 + 20 * (KIOSK_REQUESTS - 1), churnerAnswered, "the other account's requests answered");
        assertTrue(churnerBusy > 0, "the other account was told it asks too much");
    }

    @Test
    void whenOtherAccountsHoldTheirSharedConnectionsANewcomerIsBusyAndTheKioskStillGetsIn() throws Exception {
        serve(new PeerLimits(3, 1, 2, RequestRate.perSecond(50), RequestRate.perSecond(10)));
        Churner squatter = new Churner(NOBODY);
        Churner newcomer = new Churner(OTHER);
        squatter.round(2, 1);
        int[] turnedAway = newcomer.round(1, 1);
        assertEquals(0, turnedAway[0], "the newcomer was not served");
        assertEquals(1, turnedAway[1], "the newcomer was told the link is busy");
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
        }
        int[] still = squatter.round(0, 0);
        assertEquals(0, still[3], "the squatter's own connections stayed open");
    }
}
