package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

class LinkServerTest {
    static final String STAFF_PIN = "24681357";
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    @TempDir
    Path dir;

    Path socket;
    Database db;
    SessionLedger ledger;
    StaffPin staffPin;
    TestClock clock = TestClock.clubMorning();
    AtomicReference<HealthReport> health = new AtomicReference<>();
    LinkServer server;

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("run").resolve("agent.sock");
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        staffPin = new StaffPin(db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.DEFAULT, clock);
        staffPin.set(STAFF_PIN.toCharArray());
        server = LinkServer.start(config(List.of(me()), List.of(), 4), dispatcher(), clock);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        db.close();
    }

    static RaisedChecks raised(Database db, java.time.Clock clock) {
        return new RaisedChecks(new AlertStore(db, clock), Set.of(SessionAuthority.RESET_CHECK), clock);
    }

    RequestDispatcher dispatcher() throws Exception {
        SessionAuthority sessions = new SessionAuthority(
                ledger, new RecordingVisitor(), raised(db, clock), clock, Duration.ofSeconds(30), new SecureRandom());
        SqliteMemberStore members = new SqliteMemberStore(
                db,
                new SlowHash(SlowHash.MIN_ITERATIONS),
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(120)),
                ledger,
                new ClubCardReplica(db),
                clock);
        return AgentRequests.dispatcher(
                sessions, members, staffPin, health::get, AgentRequests.DEFAULT_STAFF_TOKEN_TTL, clock);
    }

    LinkServerConfig config(List<String> users, List<String> groups, int maxConnections) {
        return new LinkServerConfig(
                socket,
                null,
                users,
                groups,
                users.get(0),
                new PeerLimits(
                        maxConnections, maxConnections - 1, 2, RequestRate.perSecond(50), RequestRate.perSecond(10)),
                Duration.ofMinutes(2),
                64 * 1024);
    }

    static String me() {
        return System.getProperty("user.name");
    }

    int sessionRows() throws Exception {
        return db.read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM session")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static Map<String, Object> guestStart() {
        return Map.of(
                "kind", "GUEST", "demographics", Map.of("ageBand", "AGE_55_64", "sex", "FEMALE"), "allowedMinutes", 60);
    }

    /**
     * When a connection of the kiosk's account ends the link says so at once (the agent's
     * watchdog then checks whether the kiosk process that started the session is gone, and ends
     * the session without waiting for missed heartbeats).
     */
    @Test
    void theEndOfAKioskConnectionIsToldAtOnce() throws Exception {
        server.close();
        java.util.concurrent.Semaphore hungUp = new java.util.concurrent.Semaphore(0);
        server = LinkServer.start(config(List.of(me()), List.of(), 4), dispatcher(), clock, hungUp::release);
        LinkTestClient kiosk = new LinkTestClient(socket);
        kiosk.ok(MessageTypes.SESSION_OPEN, null);
        assertEquals(0, hungUp.availablePermits(), "nothing told while the kiosk is connected");
        kiosk.close();
        assertTrue(hungUp.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS), "the kiosk's hang-up was told");
    }

    @Test
    void theAgentStartsHeartbeatsAndEndsASessionByItsOwnClockAndOnlyForTheSecretsHolder() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            JsonNode granted = kiosk.ok(MessageTypes.SESSION_START, guestStart());
            String id = granted.path("sessionId").asText();
            String secret = granted.path("secret").asText();
            assertEquals(T0.toString(), granted.path("startedAt").asText());
            assertEquals(3600, granted.path("remainingSeconds").asLong());
            JsonNode open = kiosk.ok(MessageTypes.SESSION_OPEN, null);
            assertTrue(open.path("open").asBoolean());
            assertFalse(open.toString().contains(secret), "session.open never hands out the secret: " + open);
            assertFalse(open.toString().contains(id), "nor the id: " + open);

            assertEquals(
                    "session_auth_required",
                    kiosk.call(MessageTypes.SESSION_HEARTBEAT, Map.of("sessionId", id, "secret", "guessed"))
                            .path("error")
                            .path("code")
                            .asText());
            assertEquals(
                    "staff_auth_required",
                    kiosk.call(
                                    MessageTypes.SESSION_END,
                                    Map.of(
                                            "sessionId",
                                            id,
                                            "secret",
                                            secret,
                                            "reason",
                                            "STAFF",
                                            "staffToken",
                                            "forged"))
                            .path("error")
                            .path("code")
                            .asText());
            assertEquals(
                    "bad_request",
                    kiosk.call(
                                    MessageTypes.SESSION_END,
                                    Map.of("sessionId", id, "secret", secret, "reason", "INTERRUPTED"))
                            .path("error")
                            .path("code")
                            .asText());
            assertEquals(
                    "busy",
                    kiosk.call(MessageTypes.SESSION_START, guestStart())
                            .path("error")
                            .path("code")
                            .asText(),
                    "one open session per PC");

            clock.advance(Duration.ofSeconds(30));
            assertEquals(
                    3570,
                    kiosk.ok(MessageTypes.SESSION_HEARTBEAT, Map.of("sessionId", id, "secret", secret))
                            .path("remainingSeconds")
                            .asLong());
            clock.advance(Duration.ofMinutes(44).plusSeconds(30));
            JsonNode ended =
                    kiosk.ok(MessageTypes.SESSION_END, Map.of("sessionId", id, "secret", secret, "reason", "LOGOUT"));
            assertEquals("end-programs", ended.path("wipe").get(0).path("step").asText());
            assertFalse(kiosk.ok(MessageTypes.SESSION_OPEN, null).path("open").asBoolean());

            var recorded = ledger.find(id).orElseThrow();
            assertEquals(EndReason.LOGOUT, recorded.endReason());
            assertEquals(T0.plusSeconds(45 * 60), recorded.endedAt());
            assertEquals(Boolean.TRUE, recorded.wipeSucceeded());
        }
    }

    @Test
    void aMemberSessionNeedsAFreshLoginTicketUsedOnceAndGetsNoMoreThanTheCardAllows() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            Map<String, Object> invented = Map.of(
                    "kind",
                    "MEMBER",
                    "memberTicket",
                    "12345678",
                    "demographics",
                    Map.of("ageBand", "AGE_18_24", "sex", "MALE"),
                    "allowedMinutes",
                    60);
            assertEquals(
                    "member_auth_required",
                    kiosk.call(MessageTypes.SESSION_START, invented)
                            .path("error")
                            .path("code")
                            .asText());
            assertEquals(0, sessionRows(), "an invented card is not counted");

            String token = kiosk.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                    .path("token")
                    .asText();
            JsonNode card = kiosk.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            String ticket = kiosk.ok(
                            MessageTypes.MEMBER_LOGIN,
                            Map.of(
                                    "code",
                                    card.path("code").asText(),
                                    "pin",
                                    card.path("pin").asText()))
                    .path("ticket")
                    .asText();
            Map<String, Object> start = Map.of(
                    "kind",
                    "MEMBER",
                    "memberTicket",
                    ticket,
                    "demographics",
                    Map.of("ageBand", "AGE_18_24", "sex", "MALE"),
                    "allowedMinutes",
                    720);
            JsonNode granted = kiosk.ok(MessageTypes.SESSION_START, start);
            assertEquals(
                    3600,
                    granted.path("remainingSeconds").asLong(),
                    "the card's per-session allowance, not what was asked");
            kiosk.ok(
                    MessageTypes.SESSION_END,
                    Map.of(
                            "sessionId",
                            granted.path("sessionId").asText(),
                            "secret",
                            granted.path("secret").asText(),
                            "reason",
                            "LOGOUT"));
            assertEquals(
                    "member_auth_required",
                    kiosk.call(MessageTypes.SESSION_START, start)
                            .path("error")
                            .path("code")
                            .asText(),
                    "a ticket starts one session");
        }
    }

    @Test
    void badRequestsGetAClearErrorChangeNothingAndTheConnectionKeepsAnswering() throws Exception {
        String validStart = "\"kind\":\"GUEST\",\"memberTicket\":null,"
                + "\"demographics\":{\"ageBand\":\"AGE_30_54\",\"sex\":\"MALE\"}";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not json at all", "bad_request");
        cases.put("[1, 2, 3]", "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart
                        + ",\"allowedMinutes\":60}} trailing",
                "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.explode\",\"body\":{}}", "unknown_type");
        cases.put("{\"id\":\"a\",\"type\":7}", "bad_request");
        cases.put("{\"id\":5,\"type\":\"session.open\"}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.open\",\"extra\":1}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\"}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":[]}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + "}}", "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart
                        + ",\"allowedMinutes\":\"an hour\"}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart.replace("\"GUEST\"", "1")
                        + ",\"allowedMinutes\":60}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowedMinutes\":721}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart
                        + ",\"allowedMinutes\":60,\"startedAt\":\"1970-01-01T00:00:00Z\"}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart.replace("\"GUEST\"", "\"ALIEN\"")
                        + ",\"allowedMinutes\":60}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart
                        + ",\"allowedMinutes\":60,\"pcName\":\"x\"}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowedMinutes\":-60}}",
                "bad_request");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.heartbeat\",\"body\":{\"sessionId\":\"never\",\"secret\":\"x\"}}",
                "session_auth_required");
        cases.put(
                "{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowedMinutes\":60,\"x\":\""
                        + "x".repeat(70 * 1024) + "\"}}",
                "too_large");

        try (LinkTestClient visitor = new LinkTestClient(socket)) {
            for (var c : cases.entrySet()) {
                JsonNode answer = LinkJson.mapper().readTree(visitor.exchange(c.getKey()));
                String what = c.getKey().substring(0, Math.min(120, c.getKey().length()));
                assertFalse(answer.path("ok").asBoolean(), what);
                assertEquals(c.getValue(), answer.path("error").path("code").asText(), what + " -> " + answer);
                assertFalse(answer.path("error").path("message").asText().isBlank(), what);
            }
            assertEquals(0, sessionRows(), "nothing stored");
            assertFalse(
                    visitor.ok(MessageTypes.SESSION_OPEN, null).path("open").asBoolean(),
                    "same connection still answers");
            String good =
                    "{\"id\":\"g\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowedMinutes\":60}}";
            assertTrue(
                    LinkJson.mapper()
                            .readTree(visitor.exchange(good))
                            .path("ok")
                            .asBoolean(),
                    "the well-formed one works");
        }
        assertEquals(1, sessionRows());
    }

    @Test
    void errorMessagesNameWhatIsWrong() throws Exception {
        try (LinkTestClient visitor = new LinkTestClient(socket)) {
            JsonNode missing =
                    visitor.call(MessageTypes.SESSION_HEARTBEAT, Map.of("sessionId", "s", "remaining", "PT5M"));
            assertTrue(missing.path("error").path("message").asText().contains("at"), missing.toString());
            JsonNode unknown = visitor.call("session.explode", Map.of());
            assertTrue(
                    unknown.path("error").path("message").asText().contains("session.start"), "lists the known types");
        }
    }

    @Test
    void anAccountNotAllowedIsRefusedWithAnErrorAndDisconnected() throws Exception {
        server.close();
        long myUid = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        long myGid = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
        server = LinkServer.start(
                config(List.of(String.valueOf(myUid + 4242)), List.of(String.valueOf(myGid + 4242)), 4),
                dispatcher(),
                clock);
        try (LinkTestClient stranger = new LinkTestClient(socket)) {
            JsonNode answer = LinkJson.mapper().readTree(stranger.readLine());
            assertEquals("forbidden", answer.path("error").path("code").asText());
            assertNull(stranger.readLine(), "then the agent hangs up");
        }
    }

    @Test
    void anAllowedGroupIsEnoughToGetIn() throws Exception {
        server.close();
        long myGid = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
        server = LinkServer.start(config(List.of("4242424"), List.of(String.valueOf(myGid)), 4), dispatcher(), clock);
        try (LinkTestClient staffTool = new LinkTestClient(socket)) {
            staffTool.ok(MessageTypes.SESSION_OPEN, null);
        }
    }

    @Test
    void socketLivesInAPrivateDirectoryWithGroupAccessOnly() throws Exception {
        Path runDir = socket.getParent();
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    void anExistingLooseDirectoryIsTightenedAndTheConfiguredGroupApplied() throws Exception {
        server.close();
        Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        long myUid = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        // root may give any group; anyone else only their own
        long group = myUid == 0 ? 4242 : ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
        server = LinkServer.start(
                new LinkServerConfig(
                        socket,
                        String.valueOf(group),
                        List.of(me()),
                        List.of(),
                        me(),
                        PeerLimits.DEFAULT,
                        Duration.ofMinutes(2),
                        64 * 1024),
                dispatcher(),
                clock);
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        assertEquals(group, ((Number) Files.getAttribute(socket.getParent(), "unix:gid")).longValue());
        assertEquals(group, ((Number) Files.getAttribute(socket, "unix:gid")).longValue());
    }

    @Test
    void aMissingGroupIsSkippedNotFatal() throws Exception {
        server.close();
        server = LinkServer.start(
                new LinkServerConfig(
                        socket,
                        "digiclub-no-such-group",
                        List.of(me()),
                        List.of(),
                        me(),
                        PeerLimits.DEFAULT,
                        Duration.ofMinutes(2),
                        64 * 1024),
                dispatcher(),
                clock);
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
        }
    }

    @Test
    void staleSocketFileIsReplacedButALiveAgentIsNotStolenFrom() throws Exception {
        server.close();
        Files.writeString(socket, "left over by an agent that died");
        server = LinkServer.start(config(List.of(me()), List.of(), 4), dispatcher(), clock);
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
        }
        IOException e = assertThrows(
                IOException.class, () -> LinkServer.start(config(List.of(me()), List.of(), 4), dispatcher(), clock));
        assertTrue(e.getMessage().contains("already listening"), e.getMessage());
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
        }
    }

    @Test
    void aSymlinkedSocketDirectoryIsRefused() throws Exception {
        server.close();
        server = null;
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
        IOException e = assertThrows(
                IOException.class,
                () -> LinkServer.start(
                        new LinkServerConfig(
                                link.resolve("agent.sock"),
                                null,
                                List.of(me()),
                                List.of(),
                                me(),
                                PeerLimits.DEFAULT,
                                Duration.ofMinutes(2),
                                65536),
                        dispatcher(),
                        clock));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void memberManagementNeedsAStaffTokenThatOnlyTheStaffPinGives() throws Exception {
        try (LinkTestClient staff = new LinkTestClient(socket)) {
            assertEquals(
                    "bad_request",
                    staff.call(MessageTypes.MEMBER_LIST, null)
                            .path("error")
                            .path("code")
                            .asText());
            assertEquals(
                    "staff_auth_required",
                    staff.call(MessageTypes.MEMBER_LIST, Map.of("token", "guess"))
                            .path("error")
                            .path("code")
                            .asText());
            JsonNode wrong = staff.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", "11111111"));
            assertEquals("WRONG_PIN", wrong.path("outcome").asText());
            assertTrue(wrong.path("token").isMissingNode());

            String token = staff.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                    .path("token")
                    .asText();
            JsonNode card = staff.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            String code = card.path("code").asText();
            assertTrue(code.matches("\\d{8}"));
            assertTrue(card.path("pin").asText().matches("\\d{6}"));
            JsonNode list = staff.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            assertEquals(1, list.size());
            assertEquals(code, list.get(0).path("code").asText());
            assertEquals("PT0S", list.get(0).path("usedToday").asText());

            String newPin = staff.ok(MessageTypes.MEMBER_RESET_PIN, Map.of("token", token, "code", code))
                    .path("pin")
                    .asText();
            assertEquals(
                    "OK",
                    staff.ok(MessageTypes.MEMBER_LOGIN, Map.of("code", code, "pin", newPin))
                            .path("outcome")
                            .asText());
            staff.ok(MessageTypes.MEMBER_DISABLE, Map.of("token", token, "code", code));
            assertEquals(
                    "DISABLED",
                    staff.ok(MessageTypes.MEMBER_LOGIN, Map.of("code", code, "pin", newPin))
                            .path("outcome")
                            .asText());
            assertEquals(
                    "unknown_card",
                    staff.call(MessageTypes.MEMBER_DISABLE, Map.of("token", token, "code", "00000000"))
                            .path("error")
                            .path("code")
                            .asText());

            clock.advance(Duration.ofSeconds(110));
            staff.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            clock.advance(Duration.ofSeconds(110));
            staff.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            clock.advance(Duration.ofMinutes(2));
            assertEquals(
                    "staff_auth_required",
                    staff.call(MessageTypes.MEMBER_LIST, Map.of("token", token))
                            .path("error")
                            .path("code")
                            .asText(),
                    "expired after 2 idle minutes");
        }
    }

    @Test
    void staffLogoutEndsTheTokenAtOnce() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            String token = kiosk.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                    .path("token")
                    .asText();
            kiosk.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            kiosk.ok(MessageTypes.STAFF_LOGOUT, Map.of("token", token));
            assertEquals(
                    "staff_auth_required",
                    kiosk.call(MessageTypes.MEMBER_LIST, Map.of("token", token))
                            .path("error")
                            .path("code")
                            .asText());
            kiosk.ok(MessageTypes.STAFF_LOGOUT, Map.of("token", token));
            kiosk.ok(MessageTypes.STAFF_LOGOUT, Map.of("token", "never-issued"));
        }
    }

    @Test
    void staffLoginIsLockedAfterFiveWrongPins() throws Exception {
        try (LinkTestClient visitor = new LinkTestClient(socket)) {
            for (int i = 0; i < 4; i++) {
                assertEquals(
                        "WRONG_PIN",
                        visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", "000000"))
                                .path("outcome")
                                .asText());
            }
            JsonNode locked = visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", "000000"));
            assertEquals("LOCKED", locked.path("outcome").asText());
            assertEquals("PT5M", locked.path("lockedFor").asText());
            assertEquals(
                    "LOCKED",
                    visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                            .path("outcome")
                            .asText());
            clock.advance(Duration.ofMinutes(5));
            assertEquals(
                    "OK",
                    visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                            .path("outcome")
                            .asText());
        }
    }

    @Test
    void aMemberDeclaresOnceAndOnlyWithTheTicketOfTheirOwnLogin() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            String token = kiosk.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN))
                    .path("token")
                    .asText();
            JsonNode a = kiosk.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            JsonNode b = kiosk.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            Map<String, String> declared = Map.of("ageBand", "AGE_65_74", "sex", "FEMALE");

            assertEquals(
                    "member_auth_required",
                    kiosk.call(
                                    MessageTypes.MEMBER_DECLARE,
                                    Map.of(
                                            "code",
                                            a.path("code").asText(),
                                            "ticket",
                                            "forged",
                                            "demographics",
                                            declared))
                            .path("error")
                            .path("code")
                            .asText());
            JsonNode login = kiosk.ok(
                    MessageTypes.MEMBER_LOGIN,
                    Map.of("code", a.path("code").asText(), "pin", a.path("pin").asText()));
            assertEquals("OK", login.path("outcome").asText());
            assertEquals("PT1H", login.path("allowedNow").asText());
            assertTrue(login.path("demographics").isMissingNode()
                    || login.path("demographics").isNull());
            String ticket = login.path("ticket").asText();
            assertEquals(
                    "member_auth_required",
                    kiosk.call(
                                    MessageTypes.MEMBER_DECLARE,
                                    Map.of("code", b.path("code").asText(), "ticket", ticket, "demographics", declared))
                            .path("error")
                            .path("code")
                            .asText(),
                    "a ticket is for its own card only");

            kiosk.ok(
                    MessageTypes.MEMBER_DECLARE,
                    Map.of("code", a.path("code").asText(), "ticket", ticket, "demographics", declared));
            assertEquals(
                    "already_declared",
                    kiosk.call(
                                    MessageTypes.MEMBER_DECLARE,
                                    Map.of("code", a.path("code").asText(), "ticket", ticket, "demographics", declared))
                            .path("error")
                            .path("code")
                            .asText());
            JsonNode again = kiosk.ok(
                    MessageTypes.MEMBER_LOGIN,
                    Map.of("code", a.path("code").asText(), "pin", a.path("pin").asText()));
            assertEquals("AGE_65_74", again.path("demographics").path("ageBand").asText());
        }
    }

    @Test
    void healthIsAnsweredFromTheSupplierOrSaidToBeUnavailable() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            assertEquals(
                    "unavailable",
                    kiosk.call(MessageTypes.HEALTH, null)
                            .path("error")
                            .path("code")
                            .asText());
            health.set(new HealthReport(
                    HealthStatus.WARN,
                    T0,
                    List.of(new CheckReport("disk:/", HealthStatus.WARN, "7 % free", T0.minusSeconds(600)))));
            JsonNode report = kiosk.ok(MessageTypes.HEALTH, null);
            assertEquals("WARN", report.path("overall").asText());
            assertEquals("7 % free", report.path("checks").get(0).path("value").asText());
        }
    }

    @Test
    void anAccountAtItsQuotaMakesRoomWithItsOwnIdlestConnection() throws Exception {
        server.close();
        server = LinkServer.start(
                config(List.of(me()), List.of(), 4)
                        .withLimits(new PeerLimits(3, 2, 1, RequestRate.perSecond(50), RequestRate.perSecond(10))),
                dispatcher(),
                clock);
        try (LinkTestClient squatter1 = new LinkTestClient(socket);
                LinkTestClient squatter2 = new LinkTestClient(socket)) {
            squatter1.ok(MessageTypes.SESSION_OPEN, null);
            clock.advance(Duration.ofSeconds(1));
            squatter2.ok(MessageTypes.SESSION_OPEN, null);
            clock.advance(Duration.ofSeconds(1));
            try (LinkTestClient kiosk = new LinkTestClient(socket)) {
                kiosk.ok(MessageTypes.SESSION_OPEN, null);
            }
            assertNull(squatter1.readLine(), "the idlest was closed");
            squatter2.ok(MessageTypes.SESSION_OPEN, null);
        }
    }

    @Test
    void connectionsIdleLongerThanTheTimeoutAreClosed() throws Exception {
        try (LinkTestClient idle = new LinkTestClient(socket);
                LinkTestClient busy = new LinkTestClient(socket)) {
            idle.ok(MessageTypes.SESSION_OPEN, null);
            clock.advance(Duration.ofSeconds(90));
            busy.ok(MessageTypes.SESSION_OPEN, null);
            clock.advance(Duration.ofSeconds(60));
            server.closeIdle();
            assertNull(idle.readLine());
            busy.ok(MessageTypes.SESSION_OPEN, null);
        }
    }
}
