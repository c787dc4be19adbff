package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.agent.session.MutableClock;
import bg.digiclub.common.link.wire.MessageTypes;

/**
 * Rates over a real socket: how often an account may ask, and that its flood does not flood
 * the log. Every request type is registered with a handler that would answer {@code ok}, so a
 * refusal here comes from the link, before any handler.
 */
class LinkLimitsTest {
    @TempDir
    Path dir;
    Path socket;
    MutableClock clock = MutableClock.clubMorning();
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

    void serve(PeerLimits limits) throws Exception {
        if (server != null) {
            server.close();
        }
        RequestDispatcher.Builder handlers = RequestDispatcher.builder(LinkJson.mapper());
        MessageTypes.ALL.forEach(type -> handlers.on(type, body -> Map.of("handled", type)));
        String me = System.getProperty("user.name");
        server = LinkServer.start(new LinkServerConfig(socket, null, List.of(me), List.of(), me, limits,
                Duration.ofMinutes(2), 64 * 1024), handlers.build(), clock);
    }

    static JsonNode parse(String line) throws Exception {
        return LinkJson.mapper().readTree(line);
    }

    @Test
    void anAccountOverItsRequestRateIsAnsweredBusyOnTheSameConnectionUntilTimeGivesItMore() throws Exception {
        serve(new PeerLimits(4, 2, 2, new RequestRate(2, 3), RequestRate.perSecond(10)));
        try (LinkTestClient kiosk = new LinkTestClient(socket); LinkTestClient second = new LinkTestClient(socket)) {
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
            second.ok(MessageTypes.SESSION_OPEN, null);
            JsonNode busy = parse(kiosk.exchange("{\"id\":\"4\",\"type\":\"session.open\"}"));
            assertEquals(RequestDispatcher.BUSY, busy.path("error").path("code").asText(), busy.toString());
            assertTrue(busy.path("error").path("message").asText().contains("at most 2 a second"), busy.toString());
            assertEquals(RequestDispatcher.BUSY, parse(second.exchange("{\"id\":\"5\",\"type\":\"session.open\"}"))
                    .path("error").path("code").asText(), "a second connection of the same account shares its allowance");

            clock.advance(Duration.ofMillis(500));
            kiosk.ok(MessageTypes.SESSION_OPEN, null);
            clock.advance(Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                second.ok(MessageTypes.SESSION_OPEN, null);
            }
        }
    }

    @Test
    void aFloodIsLoggedOnceAMinuteNotOnceARequest() throws Exception {
        serve(new PeerLimits(4, 2, 2, new RequestRate(1, 1), RequestRate.perSecond(10)));
        try (LinkTestClient flooder = new LinkTestClient(socket)) {
            for (int i = 0; i < 100; i++) {
                flooder.exchange("{\"type\":\"session.open\"}");
            }
            clock.advance(Duration.ofSeconds(61));
            flooder.exchange("{\"type\":\"session.open\"}");
            flooder.exchange("{\"type\":\"session.open\"}");
        }
        List<String> notices = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("answered busy")).toList();
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.get(1).contains("and 98 more like it"), notices.get(1));
    }
}
