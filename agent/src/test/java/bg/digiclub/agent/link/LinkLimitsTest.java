package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.testsupport.TestClock;

/**
 * Sizes and rates over a real socket: what a client may send, how often, and that nothing it
 * sends reaches the log at length. The test is the kiosk's account, or another one when the
 * kiosk's is set to a uid nobody here runs as. Every request type is registered with a handler
 * that would answer {@code ok}, so a refusal here comes from the link, before any handler.
 */
class LinkLimitsTest {
    /** The client's text, recognisable in a log line. */
    static final char MARK = 'Q';
    /** A run of the mark this long in the log would be the client's text logged at length. */
    static final String LOGGED_AT_LENGTH = String.valueOf(MARK).repeat(RequestDispatcher.SHOWN_CHARS + 1);

    @TempDir
    Path dir;

    Path socket;
    TestClock clock = TestClock.clubMorning();
    LinkServer server;
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("run").resolve("agent.sock");
        log.start();
        root.addAppender(log);
        serve(new PeerLimits(4, 2, 2, RequestRate.perSecond(50), RequestRate.perSecond(10)));
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        if (server != null) {
            server.close();
        }
    }

    static final String ME = System.getProperty("user.name");
    /** A uid no process here runs as: with it as the kiosk's, this test is another account. */
    static final String SOMEONE_ELSE = "4242424";

    void serve(PeerLimits limits) throws Exception {
        serve(limits, ME);
    }

    void serve(PeerLimits limits, String kiosk) throws Exception {
        RequestDispatcher.Builder handlers = RequestDispatcher.builder(LinkJson.mapper());
        MessageTypes.ALL.forEach(type -> handlers.on(type, body -> Map.of("handled", type)));
        serve(limits, kiosk, handlers);
    }

    void serve(PeerLimits limits, String kiosk, RequestDispatcher.Builder handlers) throws Exception {
        if (server != null) {
            server.close();
        }
        server = LinkServer.start(
                new LinkServerConfig(
                        socket, null, List.of(ME), List.of(), kiosk, limits, Duration.ofMinutes(2), 64 * 1024),
                handlers.build(),
                clock);
    }

    static String text(int length) {
        return String.valueOf(MARK).repeat(length);
    }

    static JsonNode parse(String line) throws Exception {
        return LinkJson.mapper().readTree(line);
    }

    void assertNothingLoggedAtLength() {
        for (ILoggingEvent e : log.list) {
            assertFalse(
                    e.getFormattedMessage().contains(LOGGED_AT_LENGTH),
                    "logged at length: "
                            + e.getFormattedMessage()
                                    .substring(
                                            0,
                                            Math.min(
                                                    300, e.getFormattedMessage().length())));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(
                        String.valueOf(t.getMessage()).contains(LOGGED_AT_LENGTH), "logged at length in an exception");
            }
        }
    }

    @Test
    void aTextLongerThanTheCapIsABadRequestNamingTheFieldInEveryRequestType() throws Exception {
        Map<String, Object> tooLong = Map.of(
                "wipe", List.of(Map.of("step", "downloads", "detail", text(RequestDispatcher.MAX_TEXT_CHARS + 1))));
        try (LinkTestClient client = new LinkTestClient(socket)) {
            for (String type : MessageTypes.ALL) {
                JsonNode answer = client.call(type, tooLong);
                assertEquals("bad_request", answer.path("error").path("code").asText(), type + " -> " + answer);
                String message = answer.path("error").path("message").asText();
                assertTrue(
                        message.contains("'body.wipe[0].detail'")
                                && message.contains(String.valueOf(RequestDispatcher.MAX_TEXT_CHARS)),
                        message);
                assertFalse(message.contains(text(20)), "the text is not answered back: " + message);
            }
            client.ok(
                    MessageTypes.SESSION_END,
                    Map.of(
                            "wipe",
                            List.of(Map.of("step", "downloads", "detail", text(RequestDispatcher.MAX_TEXT_CHARS)))));
        }
        assertNothingLoggedAtLength();
    }

    @Test
    void aLongAddressTheLauncherOpensFits() throws Exception {
        // an e-government form's address with its query, as clubs put them on a launcher tile
        String address = "https://egov.bg/wps/portal/egov/dostavchitsi+na+uslugi/" + "x".repeat(800) + "?lang=bg";
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            kiosk.ok(
                    MessageTypes.APP_LAUNCH,
                    Map.of(
                            "sessionId",
                            "s",
                            "secret",
                            "t",
                            "category",
                            "E_GOVERNMENT",
                            "argv",
                            List.of("/usr/bin/firefox", "--private-window", address)));
        }
    }

    @Test
    void listsObjectsNestingAndFieldNamesAreCappedToo() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < RequestDispatcher.MAX_ITEMS; i++) {
            items.add("x");
        }
        try (LinkTestClient client = new LinkTestClient(socket)) {
            client.ok(MessageTypes.SESSION_END, Map.of("wipe", items));
            items.add("one too many");
            assertTrue(client.call(MessageTypes.SESSION_END, Map.of("wipe", items))
                    .path("error")
                    .path("message")
                    .asText()
                    .contains("'body.wipe' has 65 items"));

            Object nested = "deep";
            for (int i = 0; i < RequestDispatcher.MAX_DEPTH; i++) {
                nested = List.of(nested);
            }
            JsonNode tooDeep = client.call(MessageTypes.SESSION_START, Map.of("argv", nested));
            assertEquals("bad_request", tooDeep.path("error").path("code").asText(), tooDeep.toString());
            assertTrue(
                    tooDeep.path("error").path("message").asText().contains("nested deeper than 8"),
                    tooDeep.toString());

            client.ok(MessageTypes.SESSION_START, Map.of(text(RequestDispatcher.MAX_NAME_CHARS), 1));
            JsonNode longName =
                    client.call(MessageTypes.SESSION_START, Map.of(text(RequestDispatcher.MAX_NAME_CHARS + 1), 1));
            assertEquals("bad_request", longName.path("error").path("code").asText());
            assertFalse(longName.path("error").path("message").asText().contains(text(20)), longName.toString());

            String longType = "{\"id\":\"t\",\"type\":\"" + text(RequestDispatcher.MAX_TEXT_CHARS + 1) + "\"}";
            assertEquals(
                    "bad_request",
                    parse(client.exchange(longType)).path("error").path("code").asText(),
                    "the type itself");
            client.ok(MessageTypes.SESSION_OPEN, null);
        }
        assertNothingLoggedAtLength();
    }

    @Test
    void aSixteenMegabyteFieldIsRefusedClearlyAndNothingOfItIsLogged() throws Exception {
        try (LinkTestClient client = new LinkTestClient(socket)) {
            String huge =
                    "{\"id\":\"big\",\"type\":\"session.end\",\"body\":{\"sessionId\":\"s\",\"wipe\":[{\"step\":\"downloads\","
                            + "\"ok\":true,\"detail\":\"" + text(16 * 1024 * 1024) + "\"}]}}";
            JsonNode answer = parse(client.exchange(huge));
            assertEquals("too_large", answer.path("error").path("code").asText(), answer.toString());
            assertTrue(answer.path("error").path("message").asText().contains("65536 bytes"), answer.toString());
            assertTrue(answer.toString().length() < 500, "a short answer");
            client.ok(MessageTypes.SESSION_OPEN, null);
        }
        assertNothingLoggedAtLength();
    }

    @Test
    void aHandlerFailureQuotingTheClientIsLoggedWithItsStackButNotAtLength() throws Exception {
        serve(
                PeerLimits.DEFAULT,
                ME,
                RequestDispatcher.builder(LinkJson.mapper()).on("echo", body -> {
                    String said = body.as(Map.class).get("said").toString();
                    throw new IllegalStateException(
                            "cannot do " + said + " " + said, new RuntimeException("because of " + said));
                }));
        try (LinkTestClient client = new LinkTestClient(socket)) {
            JsonNode answer = client.call("echo", Map.of("said", text(RequestDispatcher.MAX_TEXT_CHARS)));
            assertEquals("internal", answer.path("error").path("code").asText(), answer.toString());
            assertFalse(answer.toString().contains(text(20)), answer.toString());
        }
        ILoggingEvent failure = log.list.stream()
                .filter(e -> e.getFormattedMessage().contains("unexpected failure on echo"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                failure.getThrowableProxy().getMessage().contains("IllegalStateException: cannot do QQQ"),
                failure.getThrowableProxy().getMessage());
        assertTrue(failure.getThrowableProxy().getStackTraceElementProxyArray().length > 0, "the stack is kept");
        assertTrue(failure.getThrowableProxy().getCause().getMessage().contains("because of QQQ"), "and the cause");
        assertNothingLoggedAtLength();
    }

    @Test
    void anotherAccountOverItsRequestRateIsAnsweredBusyOnTheSameConnectionUntilTimeGivesItMore() throws Exception {
        serve(new PeerLimits(4, 2, 2, RequestRate.perSecond(50), new RequestRate(2, 3)), SOMEONE_ELSE);
        try (LinkTestClient staffTool = new LinkTestClient(socket);
                LinkTestClient second = new LinkTestClient(socket)) {
            staffTool.ok(MessageTypes.SESSION_OPEN, null);
            staffTool.ok(MessageTypes.SESSION_OPEN, null);
            second.ok(MessageTypes.SESSION_OPEN, null);
            JsonNode busy = parse(staffTool.exchange("{\"id\":\"4\",\"type\":\"session.open\"}"));
            assertEquals(ErrorCodes.BUSY, busy.path("error").path("code").asText(), busy.toString());
            assertTrue(busy.path("error").path("message").asText().contains("at most 2 a second"), busy.toString());
            assertEquals(
                    ErrorCodes.BUSY,
                    parse(second.exchange("{\"id\":\"5\",\"type\":\"session.open\"}"))
                            .path("error")
                            .path("code")
                            .asText(),
                    "a second connection of the same account shares its allowance");

            clock.advance(Duration.ofMillis(500));
            staffTool.ok(MessageTypes.SESSION_OPEN, null);
            clock.advance(Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                second.ok(MessageTypes.SESSION_OPEN, null);
            }
        }
    }

    @Test
    void aFloodIsLoggedOnceAMinuteNotOnceARequest() throws Exception {
        serve(new PeerLimits(4, 2, 2, RequestRate.perSecond(50), new RequestRate(1, 1)), SOMEONE_ELSE);
        try (LinkTestClient flooder = new LinkTestClient(socket)) {
            for (int i = 0; i < 100; i++) {
                flooder.exchange("{\"type\":\"session.open\"}");
            }
            clock.advance(Duration.ofSeconds(61));
            flooder.exchange("{\"type\":\"session.open\"}");
            flooder.exchange("{\"type\":\"session.open\"}");
        }
        List<String> notices = log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("answered busy"))
                .toList();
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.get(1).contains("and 98 more like it"), notices.get(1));
    }

    @Test
    void theKioskOverItsRateIsSlowedToItNeverRefused() throws Exception {
        serve(new PeerLimits(4, 2, 2, new RequestRate(100, 2), new RequestRate(1, 1)));
        try (LinkTestClient kiosk = new LinkTestClient(socket)) {
            for (int i = 0; i < 30; i++) {
                kiosk.ok(MessageTypes.SESSION_OPEN, null);
            }
        }
        List<String> notices = log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("slowed to that pace"))
                .toList();
        assertEquals(1, notices.size(), "said once: " + notices);
    }
}
