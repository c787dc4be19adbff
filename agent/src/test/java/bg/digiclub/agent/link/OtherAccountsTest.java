package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.member.Allowances;
import bg.digiclub.agent.member.ClubCardReplica;
import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.SqliteMemberStore;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

/**
 * The socket's two locks, tried from real other accounts: the agent (the test, as root) serves
 * the socket, and {@link PeerProbe} runs under {@code setpriv} as {@code nobody} with various
 * groups. File permissions stop an account outside the socket's group at the directory;
 * peer credentials stop one inside the group but not on the allowed list. Needs root (to
 * switch accounts), as the development machines and CI run.
 */
class OtherAccountsTest {
    static final String NOBODY = "65534";
    static final String KIOSK_GROUP = "4242";

    @TempDir
    Path dir;

    Database db;
    Path socket;
    LinkServer server;

    @BeforeEach
    void open() throws Exception {
        assertEquals(
                0L,
                ((Number) Files.getAttribute(dir, "unix:uid")).longValue(),
                "this test switches accounts with setpriv and must run as root (as the dev machines and CI do)");
        // let other accounts reach the socket's own directory, which then decides
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        db = Database.open(dir.resolve(Database.FILE_NAME));
        socket = dir.resolve("run").resolve("agent.sock");
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        db.close();
    }

    void serve(List<String> allowedUsers, List<String> allowedGroups) throws Exception {
        TestClock clock = TestClock.clubMorning();
        SessionLedger ledger = new SessionLedger(db);
        SlowHash hasher = new SlowHash(SlowHash.MIN_ITERATIONS);
        SqliteMemberStore members = new SqliteMemberStore(
                db,
                hasher,
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(120)),
                ledger,
                new ClubCardReplica(db),
                clock);
        SessionAuthority sessions = new SessionAuthority(
                ledger,
                new RecordingVisitor(),
                LinkServerTest.raised(db, clock),
                clock,
                Duration.ofSeconds(30),
                new SecureRandom());
        RequestDispatcher dispatcher = AgentRequests.dispatcher(
                sessions,
                members,
                new StaffPin(db, hasher, LockoutPolicy.DEFAULT, clock),
                () -> null,
                AgentRequests.DEFAULT_STAFF_TOKEN_TTL,
                clock);
        server = LinkServer.start(
                new LinkServerConfig(
                        socket,
                        KIOSK_GROUP,
                        allowedUsers,
                        allowedGroups,
                        allowedUsers.get(0),
                        PeerLimits.DEFAULT,
                        Duration.ofMinutes(2),
                        65536),
                dispatcher,
                clock);
    }

    String probeAs(String uid, String gid) throws Exception {
        Process p = AnotherAccount.run(dir, uid, gid, PeerProbe.class, socket.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void anAccountOutsideTheSocketGroupCannotEvenConnect() throws Exception {
        serve(List.of("root"), List.of(KIOSK_GROUP));
        String out = probeAs(NOBODY, NOBODY);
        assertTrue(out.startsWith("CONNECT FAILED") && out.contains("Permission denied"), out);
    }

    @Test
    void theKioskAccountInTheSocketGroupIsServed() throws Exception {
        serve(List.of("root"), List.of(KIOSK_GROUP));
        String out = probeAs(NOBODY, KIOSK_GROUP);
        assertTrue(out.contains("\"ok\":true"), out);
    }

    @Test
    void anAccountThatGetsThroughTheFilePermissionsButIsNotAllowedIsRefusedByPeerCredentials() throws Exception {
        serve(List.of("root"), List.of());
        String out = probeAs(NOBODY, KIOSK_GROUP);
        assertTrue(out.contains("\"forbidden\""), out);
    }
}
