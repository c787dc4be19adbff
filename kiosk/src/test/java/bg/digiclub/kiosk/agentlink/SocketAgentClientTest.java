package bg.digiclub.kiosk.agentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.link.wire.ShownMessage;
import bg.digiclub.common.live.PcMode;

class SocketAgentClientTest {
    static final Duration TIMEOUT = Duration.ofMillis(300);
    static final Demographics ELDERLY_WOMAN = new Demographics(AgeBand.AGE_65_74, Sex.FEMALE);

    @TempDir
    Path dir;

    Path socket;
    FakeAgent agent;
    SocketAgentClient client;

    @BeforeEach
    void paths() {
        socket = dir.resolve("agent.sock");
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

    SocketAgentClient newClient() {
        return new SocketAgentClient(socket, TIMEOUT, TIMEOUT, ":7");
    }

    JsonNode lastBody(String type) {
        for (int i = agent.received.size() - 1; i >= 0; i--) {
            if (agent.received.get(i).startsWith(type)) {
                return agent.bodies.get(i);
            }
        }
        throw new AssertionError("no " + type + " was sent");
    }

    @Test
    void theSessionsSecretGoesWithEveryHeartbeatEndAndLaunchAndNowhereElse() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        assertEquals(
                Duration.ofMinutes(60),
                client.startSession(VisitorKind.GUEST, null, ELDERLY_WOMAN, Duration.ofMinutes(60)));
        JsonNode start = lastBody("session.start");
        assertEquals(60, start.path("allowedMinutes").asInt());
        assertFalse(start.has("startedAt"), "the agent's clock decides when a session starts");
        assertTrue(client.pcStatus().sessionOpen());

        assertEquals(Duration.ofSeconds(1234), client.heartbeat(), "the agent's time left");
        assertEquals("secret-1", lastBody("session.heartbeat").path("secret").asText());

        client.launch(List.of("/usr/bin/firefox", "https://egov.bg"), TileCategory.E_GOVERNMENT);
        JsonNode launch = lastBody("app.launch");
        assertEquals("secret-1", launch.path("secret").asText());
        assertEquals(":7", launch.path("display").asText());
        assertEquals("/usr/bin/firefox", launch.path("argv").get(0).asText());
        assertEquals("E_GOVERNMENT", launch.path("category").asText(), "the tile's category, for the day's counts");

        List<WipeStepResult> reset = client.endSession(EndReason.LOGOUT);
        assertEquals(List.of(new WipeStepResult("reset-home", true, "from template")), reset);
        assertEquals("secret-1", lastBody("session.end").path("secret").asText());
        assertFalse(client.pcStatus().sessionOpen());
        assertEquals(
                "session_ended",
                assertThrows(AgentRefusedException.class, client::heartbeat).code(),
                "no session, nothing sent");
    }

    @Test
    void noticesHelpAndTheMessagesAckTravelAsTheAgentSpeaksThem() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        Notices free = client.notices();
        assertEquals(PcMode.FREE, free.mode());
        assertEquals(new ShownMessage("m-1", "Затваряме в 19:00. We close at 7 pm."), free.message());
        assertEquals(10, free.minutesToClosing());
        assertEquals(7, free.reservedFor());
        assertEquals(HelpState.NONE, free.help());
        assertEquals(null, free.remainingSeconds(), "no session, no time left");

        assertEquals(HelpState.CALLED, client.callHelp());
        assertEquals(HelpState.CALLED, client.notices().help());
        assertTrue(agent.received.contains("help.call"));

        client.acknowledgeNotice("m-1");
        assertEquals("m-1", lastBody("notice.ack").path("messageId").asText());
    }

    @Test
    void theGraceBlockPresentsTheSessionsSecretAndTheCountdownFollowsIt() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        assertEquals(
                "session_ended",
                assertThrows(AgentRefusedException.class, client::takeGrace).code(),
                "no session, nothing sent");
        assertFalse(agent.received.contains("session.grace"));
        client.startSession(VisitorKind.GUEST, null, ELDERLY_WOMAN, Duration.ofMinutes(60));
        Notices running = client.notices();
        assertEquals(PcMode.IN_SESSION, running.mode());
        assertEquals(15, running.graceMinutes());
        assertEquals(240L, running.remainingSeconds());

        assertEquals(Duration.ofSeconds(240 + 15 * 60), client.takeGrace());
        assertEquals("secret-1", lastBody("session.grace").path("secret").asText());

        agent.refuse("session.grace", "not_allowed");
        assertEquals(
                "not_allowed",
                assertThrows(AgentRefusedException.class, client::takeGrace).code());
    }

    @Test
    void staffApproveASessionWithTheirToken() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        assertEquals(
                "staff_auth_required",
                assertThrows(AgentRefusedException.class, client::approveSession)
                        .code(),
                "not without the staff PIN");
        assertFalse(agent.received.contains("session.approve"), "nothing sent without a token");
        assertTrue(client.authenticateStaff(FakeAgent.STAFF_PIN.toCharArray()));
        client.approveSession();
        assertEquals("staff-token-1", lastBody("session.approve").path("token").asText());
    }

    @Test
    void aMemberSessionPresentsTheLoginTicketOnce() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        assertEquals(
                "member_auth_required",
                assertThrows(
                                AgentRefusedException.class,
                                () -> client.startSession(
                                        VisitorKind.MEMBER, FakeAgent.CARD, ELDERLY_WOMAN, Duration.ofMinutes(60)))
                        .code());
        assertEquals(
                MemberLogin.Outcome.OK,
                client.authenticateMember(FakeAgent.CARD, FakeAgent.CARD_PIN.toCharArray())
                        .outcome());
        client.startSession(VisitorKind.MEMBER, FakeAgent.CARD, ELDERLY_WOMAN, Duration.ofMinutes(60));
        JsonNode start = lastBody("session.start");
        assertEquals("ticket-1", start.path("memberTicket").asText());
        assertFalse(start.toString().contains(FakeAgent.CARD), "the card code itself is not sent: " + start);
    }

    @Test
    void staffEndAndExtendPresentTheStaffToken() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        client.startSession(VisitorKind.GUEST, null, ELDERLY_WOMAN, Duration.ofMinutes(60));
        assertEquals(
                "staff_auth_required",
                assertThrows(AgentRefusedException.class, () -> client.extendSession(Duration.ofMinutes(15)))
                        .code(),
                "no staff login yet");
        assertTrue(client.authenticateStaff(FakeAgent.STAFF_PIN.toCharArray()));
        assertEquals(Duration.ofSeconds(1234 + 900), client.extendSession(Duration.ofMinutes(15)));
        assertEquals(
                "staff-token-1", lastBody("session.extend").path("staffToken").asText());
        client.endSession(EndReason.STAFF);
        assertEquals("staff-token-1", lastBody("session.end").path("staffToken").asText());
        assertEquals("STAFF", lastBody("session.end").path("reason").asText());
    }

    @Test
    void memberLoginSaysClearlyThatTheAgentIsUnreachable() throws Exception {
        client = newClient();
        AgentUnavailableException e = assertThrows(
                AgentUnavailableException.class,
                () -> client.authenticateMember(FakeAgent.CARD, FakeAgent.CARD_PIN.toCharArray()));
        assertFalse(e instanceof AgentRefusedException);
        assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
    }

    @Test
    void memberLogsInAndDeclaresWithTheTicketOfThatLogin() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        AgentRefusedException early = assertThrows(
                AgentRefusedException.class,
                () -> client.declareDemographics(FakeAgent.CARD, Demographics.NOT_DECLARED));
        assertEquals("member_auth_required", early.code());

        assertEquals(
                MemberLogin.Outcome.WRONG_PIN,
                client.authenticateMember(FakeAgent.CARD, "0000".toCharArray()).outcome());
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
        assertEquals(
                "staff_auth_required",
                assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertFalse(agent.received.contains("member.list"), "not even asked without a token");

        assertFalse(client.authenticateStaff("11111111".toCharArray()));
        assertTrue(client.authenticateStaff(FakeAgent.STAFF_PIN.toCharArray()));
        List<MemberCard> cards = client.memberCards();
        assertEquals(List.of(new MemberCard(FakeAgent.CARD, false, false, Duration.ofMinutes(25))), cards);

        agent.expireStaffToken();
        assertEquals(
                "staff_auth_required",
                assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertEquals(
                "staff_auth_required",
                assertThrows(AgentRefusedException.class, client::memberCards).code());
        assertEquals(
                2,
                agent.received.stream().filter("member.list"::equals).count(),
                "one before expiry, one refused; the third was never sent because the token was forgotten");
    }

    @Test
    void aLockedStaffLoginSaysHowLongAndLogoutEndsTheToken() throws Exception {
        agent = FakeAgent.start(socket);
        client = newClient();
        StaffLockedException locked = assertThrows(
                StaffLockedException.class, () -> client.authenticateStaff(FakeAgent.LOCKED_STAFF_PIN.toCharArray()));
        assertEquals(Duration.ofMinutes(7).plusSeconds(30), locked.lockedFor());
        assertEquals(AgentRefusedException.STAFF_LOCKED, locked.code());

        assertTrue(client.authenticateStaff(FakeAgent.STAFF_PIN.toCharArray()));
        client.memberCards();
        client.logoutStaff();
        assertTrue(agent.received.contains("staff.logout"));
        assertEquals(
                "staff_auth_required",
                assertThrows(AgentRefusedException.class, client::memberCards).code());
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
