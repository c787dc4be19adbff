package bg.digiclub.kiosk.agentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

class SocketAgentClientTest {
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    /** Short, so the flusher retries quickly; the tests wait for results, never for time. */
    static final Duration RETRY = Duration.ofMillis(20);
    static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;
    Path socket;
    Path spoolFile;
    FakeAgent agent;
    SocketAgentClient client;

    @BeforeEach
    void paths() {
        socket = dir.resolve("agent.sock");
        spoolFile = dir.resolve("state").resolve("session-spool.jsonl");
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    SocketAgentClient newClient() throws Exception {
        return new SocketAgentClient(socket, spoolFile, TIMEOUT, RETRY);
    }

    static SessionStart start(String id) {
        return new SessionStart(id, VisitorKind.GUEST, null, new Demographics(AgeBand.AGE_65_74, Sex.FEMALE), T0, Duration.ofMinutes(60));
    }

    static SessionHeartbeat beat(String id, int seconds) {
        return new SessionHeartbeat(id, T0.plusSeconds(seconds), Duration.ofMinutes(60).minusSeconds(seconds));
    }

    static SessionEnd end(String id) {
        return new SessionEnd(id, T0.plusSeconds(1800), EndReason.LOGOUT, List.of(new WipeStepResult("downloads", true, "")));
    }

    /** Bounded polling for the background flusher: fails after many tries, never sleeps long. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never happened: " + what);
    }

    /** Waits until nothing is pending, in memory and in the file (rewritten just after the last delivery). */
    void awaitDelivered(String what) throws InterruptedException {
        await(() -> {
            try {
                return client.pendingEvents() == 0 && spoolLines().isEmpty();
            } catch (Exception e) {
                return false;
            }
        }, what);
    }

    List<String> spoolLines() throws Exception {
        return Files.exists(spoolFile) ? Files.readAllLines(spoolFile, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void eventsAreDeliveredInOrderWhileTheAgentIsUp() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        client.sessionStarted(start("s-1"));
        client.heartbeat(beat("s-1", 30));
        client.sessionEnded(end("s-1"));
        awaitDelivered("all delivered");
        assertEquals(List.of("session.start s-1", "session.heartbeat s-1", "session.end s-1"), agent.sessionRequests());
        assertEquals(List.of(), spoolLines());
    }

    @Test
    void eventsAreSpooledToFileWhileTheAgentIsDownAndDeliveredOnceWhenItIsBack() throws Exception {
        client = newClient();
        client.sessionStarted(start("s-1"));
        client.heartbeat(beat("s-1", 30));
        client.heartbeat(beat("s-1", 60));
        client.sessionEnded(end("s-1"));
        assertFalse(client.flush(), "nobody to deliver to");
        assertEquals(4, client.pendingEvents());
        List<String> lines = spoolLines();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).contains("\"session.start\"") && lines.get(0).contains("\"2026-11-25T07:00:00Z\""), lines.get(0));

        agent = FakeAgent.start(socket);
        awaitDelivered("delivered after the agent came back");
        assertEquals(List.of("session.start s-1", "session.heartbeat s-1", "session.heartbeat s-1", "session.end s-1"),
                agent.sessionRequests(), "each once, in order");
        assertEquals(List.of(), spoolLines());
    }

    @Test
    void anHourOfHeartbeatsSpooledWhileTheAgentWasAwayGoesOutInOrderOnce() throws Exception {
        client = newClient();
        client.sessionStarted(start("s-1"));
        List<String> expected = new java.util.ArrayList<>(List.of("session.start s-1"));
        for (int i = 1; i <= 120; i++) {
            client.heartbeat(beat("s-1", 30 * i));
            expected.add("session.heartbeat s-1");
        }
        client.sessionEnded(end("s-1"));
        expected.add("session.end s-1");
        assertEquals(122, spoolLines().size());

        agent = FakeAgent.start(socket);
        awaitDelivered("backlog delivered");
        assertEquals(expected, agent.sessionRequests());
        assertEquals(List.of(), spoolLines());
    }

    @Test
    void aKioskThatCrashedDeliversItsSpoolWhenItStartsAgain() throws Exception {
        SocketAgentClient crashed = newClient();
        crashed.sessionStarted(start("s-1"));
        crashed.heartbeat(beat("s-1", 30));
        crashed.close(); // as far as the spool file is concerned, a crash: nothing was delivered

        client = newClient();
        assertEquals(2, client.pendingEvents(), "read back from the file");
        assertEquals(Optional.of("s-1"), client.openSessionId(), "agent away: the spool knows the unfinished session");

        agent = FakeAgent.start(socket);
        awaitDelivered("delivered by the new kiosk");
        assertEquals(List.of("session.start s-1", "session.heartbeat s-1"), agent.sessionRequests());
        assertEquals(Optional.of("s-1"), client.openSessionId(), "now the agent says so");
        client.sessionEnded(new SessionEnd("s-1", T0.plusSeconds(30), EndReason.INTERRUPTED, List.of()));
        awaitDelivered("end delivered");
        assertEquals(Optional.empty(), client.openSessionId());
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndTheRestDelivered() throws Exception {
        SocketAgentClient crashed = newClient();
        crashed.sessionStarted(start("s-1"));
        crashed.close();
        Files.writeString(spoolFile, "{\"seq\":2,\"type\":\"session.heartb", java.nio.file.StandardOpenOption.APPEND);

        client = newClient();
        assertEquals(1, client.pendingEvents());
        client.heartbeat(beat("s-1", 30));
        agent = FakeAgent.start(socket);
        awaitDelivered("delivered");
        assertEquals(List.of("session.start s-1", "session.heartbeat s-1"), agent.sessionRequests());
    }

    @Test
    void aTransientRefusalIsRetriedAndAPermanentOneDroppedSoLaterEventsFlow() throws Exception {
        agent = FakeAgent.start(socket);
        agent.refuse("session.start", "internal");
        client = newClient();
        client.sessionStarted(start("s-1"));
        await(() -> agent.sessionRequests().size() >= 2, "retried");
        assertEquals(1, client.pendingEvents());
        agent.stopRefusing("session.start");
        awaitDelivered("delivered once the agent could take it");

        agent.refuse("session.heartbeat", "unknown_session");
        client.heartbeat(beat("never-started", 30));
        client.sessionEnded(end("s-1"));
        awaitDelivered("the refused one dropped, the next delivered");
        assertTrue(agent.sessionRequests().contains("session.end s-1"));
    }

    @Test
    void memberLoginSaysClearlyThatTheAgentIsUnreachable() throws Exception {
        client = newClient();
        AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                () -> client.authenticateMember(FakeAgent.CARD, FakeAgent.CARD_PIN.toCharArray()));
        assertFalse(e instanceof AgentRefusedException);
        assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
    }

    @Test
    void memberLogsInAndDeclaresWithTheTicketOfThatLogin() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        AgentRefusedException early = assertThrows(AgentRefusedException.class,
                () -> client.declareDemographics(FakeAgent.CARD, Demographics.NOT_DECLARED));
        assertEquals("member_auth_required", early.code());

        assertEquals(MemberLogin.Outcome.WRONG_PIN, client.authenticateMember(FakeAgent.CARD, "0000".toCharArray()).outcome());
        MemberLogin ok = client.authenticateMember("1234 5678", FakeAgent.CARD_PIN.toCharArray());
        assertEquals(MemberLogin.Outcome.OK, ok.outcome());
        assertEquals(Duration.ofHours(1), ok.allowedNow());
        client.declareDemographics(FakeAgent.CARD, new Demographics(AgeBand.AGE_75_PLUS, Sex.MALE));
        assertTrue(agent.received.contains("member.declare"));
    }

    @Test
    void cardManagementUsesTheStaffTokenAndAsksAgainWhenItHasExpired() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        assertEquals("staff_auth_required", assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertFalse(agent.received.contains("member.list"), "not even asked without a token");

        assertFalse(client.authenticateStaff("11111111".toCharArray()));
        assertTrue(client.authenticateStaff(FakeAgent.STAFF_PIN.toCharArray()));
        List<MemberCard> cards = client.memberCards();
        assertEquals(List.of(new MemberCard(FakeAgent.CARD, false, false, Duration.ofMinutes(25))), cards);

        agent.expireStaffToken();
        assertEquals("staff_auth_required", assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertEquals("staff_auth_required", assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertEquals(2, agent.received.stream().filter("member.list"::equals).count(),
                "one before expiry, one refused; the third was never sent because the token was forgotten");
    }

    @Test
    void aLockedStaffLoginSaysHowLongAndLogoutEndsTheToken() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        StaffLockedException locked = assertThrows(StaffLockedException.class,
                () -> client.authenticateStaff(FakeAgent.LOCKED_STAFF_PIN.toCharArray()));
        assertEquals(Duration.ofMinutes(7).plusSeconds(30), locked.lockedFor());
        assertEquals(AgentRefusedException.STAFF_LOCKED, locked.code());

        assertTrue(client.authenticateStaff(FakeAgent.STAFF_PIN.toCharArray()));
        client.memberCards();
        client.logoutStaff();
        assertTrue(agent.received.contains("staff.logout"));
        assertEquals("staff_auth_required", assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertEquals(1, agent.received.stream().filter("member.list"::equals).count(), "no token left to send");
        client.logoutStaff();
        assertEquals(1, agent.received.stream().filter("staff.logout"::equals).count(), "nothing to end twice");
    }

    @Test
    void anAgentThatDoesNotAnswerInTimeCountsAsUnreachableAndTheNextRequestReconnects() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        assertEquals(HealthStatus.OK, client.health().overall());
        agent.goSilent(true);
        assertThrows(AgentUnavailableException.class, client::health);
        agent.goSilent(false);
        assertEquals(HealthStatus.OK, client.health().overall());
    }
}
