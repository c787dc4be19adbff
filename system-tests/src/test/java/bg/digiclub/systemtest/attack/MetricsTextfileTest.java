package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's node_exporter textfile ({@code metrics.textfile-dir}) against the visitor's account:
 * "nothing of DigiClub is readable from the visitor's account" (docs/security.md), yet
 * node_exporter, running as its own account, must read it. The real agent writes it; the real
 * node_exporter (Debian's prometheus-node-exporter) reads it as its account {@code prometheus} with
 * that account's groups, as systemd's {@code User=} starts it, and as the visitor.
 *
 * <p>Fails on the agent before 0640: it wrote the file 0644, which every account reads.
 */
@Tag(ClubAccounts.TAG)
class MetricsTextfileTest {
    private static final String NODE_EXPORTER_BINARY = "/usr/bin/prometheus-node-exporter";

    @TempDir
    Path dir;

    @Test
    void nodeExportersAccountReadsTheAgentsMetricsAndTheVisitorCannot() throws Exception {
        ClubAccounts.Account visitor = ClubAccounts.visitor();
        ClubAccounts.Account nodeExporter = ClubAccounts.nodeExporter();
        assertTrue(
                Files.isExecutable(Path.of(NODE_EXPORTER_BINARY)),
                NODE_EXPORTER_BINARY + " missing: scripts/test.sh installs prometheus-node-exporter");
        // as Debian's package makes /var/lib/prometheus/node-exporter: root's, 0755
        Path textfiles = Files.createDirectory(
                dir.resolve("node-exporter"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        // what the agent before 0640 left there: its file, world-readable
        Path prom = Files.writeString(textfiles.resolve("digiclub_agent.prom"), "digiclub_session_open 0\n");
        Files.setPosixFilePermissions(prom, PosixFilePermissions.fromString("rw-r--r--"));
        Object oldFile = Files.readAttributes(prom, PosixFileAttributes.class).fileKey();

        try (AgentUnderAttack agent =
                new AgentUnderAttack(dir, List.of("metrics.textfile-dir = " + textfiles)).start()) {
            agent.awaitCondition(
                    "the agent replaced the older agent's file with its own",
                    () -> fileKey(prom) != null && !oldFile.equals(fileKey(prom)));
            assertEquals("rw-r----- " + ClubAccounts.METRICS_GROUP, modeAndGroup(prom), prom.toString());

            ClubAccounts.Result cat = ClubAccounts.runAs(visitor, "cat", prom.toString());
            assertNotEquals(0, cat.exit(), "the visitor read the agent's metrics:\n" + cat.output());
            assertTrue(cat.output().contains("Permission denied"), cat.output());

            String scrapedAsNodeExporter = scrape(nodeExporter, textfiles, agent);
            assertTrue(
                    scrapedAsNodeExporter.contains("\ndigiclub_check_status{"),
                    "node_exporter as " + nodeExporter.name() + " did not read the agent's file:\n"
                            + scrapedAsNodeExporter);
            assertTrue(scrapedAsNodeExporter.contains("\nnode_textfile_scrape_error 0\n"), scrapedAsNodeExporter);

            String scrapedAsVisitor = scrape(visitor, textfiles, agent);
            assertFalse(
                    scrapedAsVisitor.contains("digiclub_check_status"),
                    "node_exporter as the visitor read the agent's file:\n" + scrapedAsVisitor);
            assertTrue(scrapedAsVisitor.contains("\nnode_textfile_scrape_error 1\n"), scrapedAsVisitor);
        }
    }

    /** Runs node_exporter's textfile collector alone over {@code textfiles} as {@code account}; one scrape of it. */
    private String scrape(ClubAccounts.Account account, Path textfiles, AgentUnderAttack agent) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("node-exporter-" + account.name() + ".log");
        Process exporter = ClubAccounts.builderAsService(
                        account,
                        List.of(
                                NODE_EXPORTER_BINARY,
                                "--web.listen-address=127.0.0.1:" + port,
                                "--collector.disable-defaults",
                                "--collector.textfile",
                                "--collector.textfile.directory=" + textfiles))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build();
            AtomicReference<String> body = new AtomicReference<>();
            agent.awaitCondition("node_exporter as " + account.name() + " answers on port " + port, () -> {
                if (!exporter.isAlive()) {
                    return true;
                }
                try {
                    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                    body.set(r.statusCode() + "\n" + r.body());
                    return r.statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            });
            assertTrue(
                    body.get() != null && body.get().startsWith("200\n"),
                    "node_exporter as " + account.name() + ": " + body.get() + "\n" + Files.readString(log));
            return body.get();
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(60, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
        }
    }

    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null; // not there: not yet
        }
    }

    private static String modeAndGroup(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
        return PosixFilePermissions.toString(a.permissions()) + " " + a.group().getName();
    }
}
