package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.agent.member.Allowances;
import bg.digiclub.agent.member.ClubCardReplica;
import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.SqliteMemberStore;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.room.ClubRoom;
import bg.digiclub.agent.room.PowerControl;
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.Room;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

/**
 * The club room's link requests over the real socket, as the kiosk's account (or a visitor with a
 * script on it) sends them: notices, a staff message read, the help call, grace, and the new
 * refusals of {@code session.start}.
 */
class RoomRequestsTest {
    static final String STAFF_PIN = "24681357";

    @TempDir
    Path dir;

    Path socket;
    Database db;
    TestClock clock = TestClock.clubMorning();
    ClubRoom room;
    AtomicInteger told = new AtomicInteger();
    LinkServer server;
    LinkTestClient kiosk;

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("run").resolve("agent.sock");
        db = Database.open(dir.resolve(Database.FILE_NAME));
        SessionLedger ledger = new SessionLedger(db);
        StaffPin staffPin = new StaffPin(db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.DEFAULT, clock);
        staffPin.set(STAFF_PIN.toCharArray());
        SessionAuthority sessions = new SessionAuthority(
                ledger,
                new RecordingVisitor(),
                LinkServerTest.raised(db, clock),
                clock,
                Duration.ofSeconds(30),
                new SecureRandom());
        room = ClubRoom.open(sessions, db, new NoPower(), () -> null, "test", clock);
        room.onChange(told::incrementAndGet);
        SqliteMemberStore members = new SqliteMemberStore(
                db,
                new SlowHash(SlowHash.MIN_ITERATIONS),
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(120)),
                ledger,
                new ClubCardReplica(db),
                clock);
        RequestDispatcher dispatcher = AgentRequests.dispatcher(
                sessions,
                members,
                staffPin,
                () -> null,
                AgentRequests.DEFAULT_STAFF_TOKEN_TTL,
                clock,
                Optional.of(room));
        String me = System.getProperty("user.name");
        server = LinkServer.start(
                new LinkServerConfig(
                        socket,
                        null,
                        List.of(me),
                        List.of(),
                        me,
                        new PeerLimits(4, 3, 2, RequestRate.perSecond(50), RequestRate.perSecond(10)),
                        Duration.ofMinutes(2),
                        64 * 1024),
                dispatcher,
                clock);
        kiosk = new LinkTestClient(socket);
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        server.close();
        db.close();
    }

    private Command command(CommandKind kind, Integer minutes, String text) {
        return new Command(
                UUID.randomUUID(),
                kind,
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(10)),
                minutes,
                text,
                null,
                null);
    }

    private String errorOf(String type, Object body) throws Exception {
        JsonNode answer = kiosk.call(type, body);
        assertFalse(answer.path("ok").asBoolean(), type + " should be refused: " + answer);
        return answer.path("error").path("code").asText();
    }

    private void club(int waiting, int graceMinutes) {
        room.roomChanged(
                new Room(new ClubSettings(1, List.of(), null, null, true, 5, graceMinutes), waiting, null, null));
    }

    @Test
    void aStaffMessageIsShownUntilTheVisitorPressesOk() throws Exception {
        JsonNode quiet = kiosk.ok(MessageTypes.PC_NOTICES, null);
        assertEquals("FREE", quiet.path("mode").asText());
        assertEquals("NONE", quiet.path("help").asText());
        assertTrue(quiet.path("message").isMissingNode(), quiet.toString());

        Command message = command(CommandKind.MESSAGE, null, "Моля, изключете звука");
        room.execute(message);
        JsonNode shown = kiosk.ok(MessageTypes.PC_NOTICES, null).path("message");
        assertEquals("Моля, изключете звука", shown.path("text").asText());
        assertEquals(message.id().toString(), shown.path("id").asText());

        kiosk.ok(MessageTypes.NOTICE_ACK, Map.of("messageId", "someone-elses"));
        assertEquals(
                message.id().toString(),
                kiosk.ok(MessageTypes.PC_NOTICES, null)
                        .path("message")
                        .path("id")
                        .asText(),
                "an unknown id reads nothing");
        kiosk.ok(MessageTypes.NOTICE_ACK, Map.of("messageId", message.id().toString()));
        assertTrue(kiosk.ok(MessageTypes.PC_NOTICES, null).path("message").isMissingNode());
        assertEquals(ErrorCodes.BAD_REQUEST, errorOf(MessageTypes.NOTICE_ACK, Map.of("id", 42)));
    }

    @Test
    void helpPressedManyTimesIsOneCall() throws Exception {
        int before = told.get();
        for (int i = 0; i < 20; i++) {
            assertEquals("CALLED", kiosk.ok(MessageTypes.HELP_CALL, null).asText());
        }
        assertEquals(before + 1, told.get(), "one state change for the mentor's page, not twenty");
        assertTrue(room.state().helpCalled());
        room.execute(command(CommandKind.ANSWER_HELP, null, null));
        assertEquals(
                "SEEN", kiosk.ok(MessageTypes.PC_NOTICES, null).path("help").asText());
    }

    @Test
    void sessionStartIsRefusedWhileLockedAndRightAfterASessionWithPeopleWaiting() throws Exception {
        room.execute(command(CommandKind.LOCK, null, null));
        assertEquals(ErrorCodes.CLOSED, errorOf(MessageTypes.SESSION_START, LinkServerTest.guestStart()));
        assertEquals(
                "LOCKED", kiosk.ok(MessageTypes.PC_NOTICES, null).path("mode").asText());
        room.execute(command(CommandKind.UNLOCK, null, null));

        club(3, 0);
        JsonNode granted = kiosk.ok(MessageTypes.SESSION_START, LinkServerTest.guestStart());
        kiosk.ok(
                MessageTypes.SESSION_END,
                Map.of(
                        "sessionId",
                        granted.path("sessionId").asText(),
                        "secret",
                        granted.path("secret").asText(),
                        "reason",
                        "LOGOUT"));
        assertEquals(ErrorCodes.QUEUE_WAITING, errorOf(MessageTypes.SESSION_START, LinkServerTest.guestStart()));
        assertTrue(kiosk.ok(MessageTypes.PC_NOTICES, null).path("queueWaiting").asBoolean());

        assertEquals(ErrorCodes.STAFF_AUTH_REQUIRED, errorOf(MessageTypes.SESSION_APPROVE, Map.of("token", "forged")));
        String token = kiosk.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                .path("token")
                .asText();
        kiosk.ok(MessageTypes.SESSION_APPROVE, Map.of("token", token));
        kiosk.ok(MessageTypes.SESSION_START, LinkServerTest.guestStart());
    }

    @Test
    void graceIsTakenOnceWithTheSessionsSecretAndNoticesHoldNoSecret() throws Exception {
        club(0, 15);
        JsonNode granted = kiosk.ok(MessageTypes.SESSION_START, LinkServerTest.guestStart());
        String id = granted.path("sessionId").asText();
        String secret = granted.path("secret").asText();
        Map<String, String> session = Map.of("sessionId", id, "secret", secret);

        clock.advance(Duration.ofMinutes(56));
        kiosk.ok(MessageTypes.SESSION_HEARTBEAT, session);
        JsonNode notices = kiosk.ok(MessageTypes.PC_NOTICES, null);
        assertEquals(15, notices.path("graceMinutes").asInt());
        assertEquals(240, notices.path("remainingSeconds").asLong());
        assertFalse(notices.toString().contains(id), "notices never name the session: " + notices);
        assertFalse(notices.toString().contains(secret));

        assertEquals(
                ErrorCodes.SESSION_AUTH_REQUIRED,
                errorOf(MessageTypes.SESSION_GRACE, Map.of("sessionId", id, "secret", "guessed")));
        assertEquals(
                19 * 60,
                kiosk.ok(MessageTypes.SESSION_GRACE, session)
                        .path("remainingSeconds")
                        .asLong());
        assertEquals(ErrorCodes.NOT_ALLOWED, errorOf(MessageTypes.SESSION_GRACE, session));
        assertEquals(
                19 * 60,
                kiosk.ok(MessageTypes.SESSION_HEARTBEAT, session)
                        .path("remainingSeconds")
                        .asLong());
    }

    /** Restart and shutdown are never run by a test. */
    private static final class NoPower implements PowerControl {
        @Override
        public Optional<String> restart() {
            throw new AssertionError("no restart in this test");
        }

        @Override
        public Optional<String> shutdown() {
            throw new AssertionError("no shutdown in this test");
        }
    }
}
