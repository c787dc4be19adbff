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
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.agent.member.Allowances;
import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.PinHasher;
import bg.digiclub.agent.member.RandomDigits;
import bg.digiclub.agent.member.SqliteMemberStore;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.session.MutableClock;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.MessageTypes;

class LinkServerTest {
    static final String STAFF_PIN = "24681357";
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    @TempDir
    Path dir;
    Path socket;
    Database db;
    SessionLedger ledger;
    StaffPin staffPin;
    MutableClock clock = MutableClock.clubMorning();
    AtomicReference<HealthReport> health = new AtomicReference<>();
    LinkServer server;

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("run").resolve("agent.sock");
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        staffPin = new StaffPin(db, new PinHasher(PinHasher.MIN_ITERATIONS), LockoutPolicy.DEFAULT, clock);
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

    RequestDispatcher dispatcher() {
        SqliteMemberStore members = new SqliteMemberStore(db, new PinHasher(PinHasher.MIN_ITERATIONS),
                new RandomDigits(new SecureRandom()), LockoutPolicy.DEFAULT,
                new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(120)), ledger::memberUsage, clock);
        return AgentRequests.dispatcher(ledger, members, staffPin, health::get, AgentRequests.DEFAULT_STAFF_TOKEN_TTL, clock);
    }

    LinkServerConfig config(List<String> users, List<String> groups, int maxConnections) {
        return new LinkServerConfig(socket, null, users, groups, users.get(0),
                new PeerLimits(maxConnections, maxConnections - 1, 2, RequestRate.perSecond(50), RequestRate.perSecond(10)),
                Duration.ofMinutes(2), 64 * 1024);
    }

    static String me() {
        return System.getProperty("user.name");
    }

    int sessionRows() throws Exception {
        return db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM session")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void sessionIsRecordedHeartbeatedAndEndedOverTheSocket() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            SessionStart start = new SessionStart("7d3c5a1e-0000-4000-8000-000000000001", VisitorKind.GUEST, null,
                    new Demographics(AgeBand.AGE_55_64, Sex.FEMALE), T0, Duration.ofMinutes(60));
            assertTrue(kiosk.ok(MessageTypes.SESSION_START, start).path("applied").asBoolean());
            assertEquals(start.sessionId(), kiosk.ok(MessageTypes.SESSION_OPEN, null).path("sessionId").asText());
            assertTrue(kiosk.ok(MessageTypes.SESSION_HEARTBEAT,
                    new SessionHeartbeat(start.sessionId(), T0.plusSeconds(30), Duration.ofSeconds(3570))).path("applied").asBoolean());
            SessionEnd end = new SessionEnd(start.sessionId(), T0.plusSeconds(45 * 60), EndReason.TIMEOUT,
                    List.of(new WipeStepResult("downloads", true, "3 files")));
            assertTrue(kiosk.ok(MessageTypes.SESSION_END, end).path("applied").asBoolean());

            assertFalse(kiosk.ok(MessageTypes.SESSION_START, start).path("applied").asBoolean(), "redelivered start");
            assertFalse(kiosk.ok(MessageTypes.SESSION_END, end).path("applied").asBoolean(), "redelivered end");
            assertTrue(kiosk.ok(MessageTypes.SESSION_OPEN, null).path("sessionId").isMissingNode(), "no open session: " );
        }
        var recorded = ledger.find("7d3c5a1e-0000-4000-8000-000000000001").orElseThrow();
        assertEquals(EndReason.TIMEOUT, recorded.endReason());
        assertEquals(T0.plusSeconds(45 * 60), recorded.endedAt());
        assertEquals(Boolean.TRUE, recorded.wipeSucceeded());
    }

    @Test
    void badRequestsGetAClearErrorChangeNothingAndTheConnectionKeepsAnswering() throws Exception {
        String validStart = "\"sessionId\":\"s-1\",\"kind\":\"GUEST\",\"memberCode\":null,"
                + "\"demographics\":{\"ageBand\":\"AGE_30_54\",\"sex\":\"MALE\"},\"startedAt\":\"2026-11-25T07:00:00Z\"";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not json at all", "bad_request");
        cases.put("[1, 2, 3]", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowed\":\"PT1H\"}} trailing", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.explode\",\"body\":{}}", "unknown_type");
        cases.put("{\"id\":\"a\",\"type\":7}", "bad_request");
        cases.put("{\"id\":5,\"type\":\"session.open\"}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.open\",\"extra\":1}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\"}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":[]}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + "}}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowed\":\"an hour\"}}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart.replace("\"GUEST\"", "1")
                + ",\"allowed\":\"PT1H\"}}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart.replace("\"s-1\"", "42")
                + ",\"allowed\":\"PT1H\"}}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart.replace("\"GUEST\"", "\"ALIEN\"")
                + ",\"allowed\":\"PT1H\"}}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowed\":\"PT1H\",\"pcName\":\"x\"}}",
                "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowed\":\"-PT1H\"}}", "bad_request");
        cases.put("{\"id\":\"a\",\"type\":\"session.heartbeat\",\"body\":{\"sessionId\":\"never\",\"at\":\"2026-11-25T07:00:00Z\","
                + "\"remaining\":\"PT5M\"}}", "unknown_session");
        cases.put("{\"id\":\"a\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowed\":\"PT1H\",\"x\":\""
                + "x".repeat(70 * 1024) + "\"}}", "too_large");

        try (LinkTestClient visitor = new LinkTestClient(socket)) {
            for (var c : cases.entrySet()) {
                JsonNode answer = LinkJson.mapper().readTree(visitor.exchange(c.getKey()));
                String what = c.getKey().substring(0, Math.min(120, c.getKey().length()));
                assertFalse(answer.path("ok").asBoolean(), what);
                assertEquals(c.getValue(), answer.path("error").path("code").asText(), what + " -> " + answer);
                assertFalse(answer.path("error").path("message").asText().isBlank(), what);
            }
            assertEquals(0, sessionRows(), "nothing stored");
            assertTrue(visitor.ok(MessageTypes.SESSION_OPEN, null).path("sessionId").isMissingNode(), "same connection still answers");
            String good = "{\"id\":\"g\",\"type\":\"session.start\",\"body\":{" + validStart + ",\"allowed\":\"PT1H\"}}";
            assertTrue(LinkJson.mapper().readTree(visitor.exchange(good)).path("ok").asBoolean(), "the well-formed one works");
        }
        assertEquals(1, sessionRows());
    }

    @Test
    void errorMessagesNameWhatIsWrong() throws Exception {
        try (LinkTestClient visitor = new LinkTestClient(socket)) {
            JsonNode missing = visitor.call(MessageTypes.SESSION_HEARTBEAT, Map.of("sessionId", "s", "remaining", "PT5M"));
            assertTrue(missing.path("error").path("message").asText().contains("at"), missing.toString());
            JsonNode unknown = visitor.call("session.explode", Map.of());
            assertTrue(unknown.path("error").path("message").asText().contains("session.start"), "lists the known types");
        }
    }

    @Test
    void anAccountNotAllowedIsRefusedWithAnErrorAndDisconnected() throws Exception {
        server.close();
        long myUid = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        long myGid = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
        server = LinkServer.start(config(List.of(String.valueOf(myUid + 4242)), List.of(String.valueOf(myGid + 4242)), 4),
                dispatcher(), clock);
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
        server = LinkServer.start(new LinkServerConfig(socket, String.valueOf(group), List.of(me()), List.of(), me(),
                PeerLimits.DEFAULT, Duration.ofMinutes(2), 64 * 1024), dispatcher(), clock);
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        assertEquals(group, ((Number) Files.getAttribute(socket.getParent(), "unix:gid")).longValue());
        assertEquals(group, ((Number) Files.getAttribute(socket, "unix:gid")).longValue());
    }

    @Test
    void aMissingGroupIsSkippedNotFatal() throws Exception {
        server.close();
        server = LinkServer.start(new LinkServerConfig(socket, "digiclub-no-such-group", List.of(me()), List.of(), me(),
                PeerLimits.DEFAULT, Duration.ofMinutes(2), 64 * 1024), dispatcher(), clock);
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
        IOException e = assertThrows(IOException.class,
                () -> LinkServer.start(config(List.of(me()), List.of(), 4), dispatcher(), clock));
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
        IOException e = assertThrows(IOException.class, () -> LinkServer.start(
                new LinkServerConfig(link.resolve("agent.sock"), null, List.of(me()), List.of(), me(), PeerLimits.DEFAULT,
                        Duration.ofMinutes(2), 65536),
                dispatcher(), clock));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void memberManagementNeedsAStaffTokenThatOnlyTheStaffPinGives() throws Exception {
        try (LinkTestClient staff = new LinkTestClient(socket)) {
            assertEquals("bad_request", staff.call(MessageTypes.MEMBER_LIST, null).path("error").path("code").asText());
            assertEquals("staff_auth_required",
                    staff.call(MessageTypes.MEMBER_LIST, Map.of("token", "guess")).path("error").path("code").asText());
            JsonNode wrong = staff.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", "11111111"));
            assertEquals("WRONG_PIN", wrong.path("outcome").asText());
            assertTrue(wrong.path("token").isMissingNode());

            String token = staff.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN)).path("token").asText();
            JsonNode card = staff.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            String code = card.path("code").asText();
            assertTrue(code.matches("\\d{8}"));
            assertTrue(card.path("pin").asText().matches("\\d{6}"));
            JsonNode list = staff.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            assertEquals(1, list.size());
            assertEquals(code, list.get(0).path("code").asText());
            assertEquals("PT0S", list.get(0).path("usedToday").asText());

            String newPin = staff.ok(MessageTypes.MEMBER_RESET_PIN, Map.of("token", token, "code", code)).path("pin").asText();
            assertEquals("OK", staff.ok(MessageTypes.MEMBER_LOGIN, Map.of("code", code, "pin", newPin)).path("outcome").asText());
            staff.ok(MessageTypes.MEMBER_DISABLE, Map.of("token", token, "code", code));
            assertEquals("DISABLED", staff.ok(MessageTypes.MEMBER_LOGIN, Map.of("code", code, "pin", newPin)).path("outcome").asText());
            assertEquals("unknown_card", staff.call(MessageTypes.MEMBER_DISABLE, Map.of("token", token, "code", "00000000"))
                    .path("error").path("code").asText());

            clock.advance(Duration.ofMinutes(4));
            staff.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            clock.advance(Duration.ofMinutes(4));
            staff.ok(MessageTypes.MEMBER_LIST, Map.of("token", token));
            clock.advance(Duration.ofMinutes(6));
            assertEquals("staff_auth_required", staff.call(MessageTypes.MEMBER_LIST, Map.of("token", token))
                    .path("error").path("code").asText(), "expired after 5 idle minutes");
        }
    }

    @Test
    void staffLoginIsLockedAfterFiveWrongPins() throws Exception {
        try (LinkTestClient visitor = new LinkTestClient(socket)) {
            for (int i = 0; i < 4; i++) {
                assertEquals("WRONG_PIN", visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", "000000")).path("outcome").asText());
            }
            JsonNode locked = visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", "000000"));
            assertEquals("LOCKED", locked.path("outcome").asText());
            assertEquals("PT5M", locked.path("lockedFor").asText());
            assertEquals("LOCKED", visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN)).path("outcome").asText());
            clock.advance(Duration.ofMinutes(5));
            assertEquals("OK", visitor.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN)).path("outcome").asText());
        }
    }

    @Test
    void aMemberDeclaresOnceAndOnlyWithTheTicketOfTheirOwnLogin() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            String token = kiosk.ok(MessageTypes.STAFF_LOGIN, Map.of("pin", STAFF_PIN)).path("token").asText();
            JsonNode a = kiosk.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            JsonNode b = kiosk.ok(MessageTypes.MEMBER_CREATE, Map.of("token", token));
            Map<String, String> declared = Map.of("ageBand", "AGE_65_74", "sex", "FEMALE");

            assertEquals("member_auth_required", kiosk.call(MessageTypes.MEMBER_DECLARE,
                    Map.of("code", a.path("code").asText(), "ticket", "forged", "demographics", declared)).path("error").path("code").asText());
            JsonNode login = kiosk.ok(MessageTypes.MEMBER_LOGIN, Map.of("code", a.path("code").asText(), "pin", a.path("pin").asText()));
            assertEquals("OK", login.path("outcome").asText());
            assertEquals("PT1H", login.path("allowedNow").asText());
            assertTrue(login.path("demographics").isMissingNode() || login.path("demographics").isNull());
            String ticket = login.path("ticket").asText();
            assertEquals("member_auth_required", kiosk.call(MessageTypes.MEMBER_DECLARE,
                    Map.of("code", b.path("code").asText(), "ticket", ticket, "demographics", declared)).path("error").path("code").asText(),
                    "a ticket is for its own card only");

            kiosk.ok(MessageTypes.MEMBER_DECLARE, Map.of("code", a.path("code").asText(), "ticket", ticket, "demographics", declared));
            assertEquals("already_declared", kiosk.call(MessageTypes.MEMBER_DECLARE,
                    Map.of("code", a.path("code").asText(), "ticket", ticket, "demographics", declared)).path("error").path("code").asText());
            JsonNode again = kiosk.ok(MessageTypes.MEMBER_LOGIN, Map.of("code", a.path("code").asText(), "pin", a.path("pin").asText()));
            assertEquals("AGE_65_74", again.path("demographics").path("ageBand").asText());
        }
    }

    @Test
    void healthIsAnsweredFromTheSupplierOrSaidToBeUnavailable() throws Exception {
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            assertEquals("unavailable", kiosk.call(MessageTypes.HEALTH, null).path("error").path("code").asText());
            health.set(new HealthReport(HealthStatus.WARN, T0,
                    List.of(new CheckReport("disk:/", HealthStatus.WARN, "7 % free", T0.minusSeconds(600)))));
            JsonNode report = kiosk.ok(MessageTypes.HEALTH, null);
            assertEquals("WARN", report.path("overall").asText());
            assertEquals("7 % free", report.path("checks").get(0).path("value").asText());
        }
    }

    @Test
    void anAccountAtItsQuotaMakesRoomWithItsOwnIdlestConnection() throws Exception {
        server.close();
        server = LinkServer.start(config(List.of(me()), List.of(), 4).withLimits(
                new PeerLimits(3, 2, 1, RequestRate.perSecond(50), RequestRate.perSecond(10))), dispatcher(), clock);
        try (LinkTestClient squatter1 = new LinkTestClient(socket); LinkTestClient squatter2 = new LinkTestClient(socket)) {
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
        try (LinkTestClient idle = new LinkTestClient(socket); LinkTestClient busy = new LinkTestClient(socket)) {
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
