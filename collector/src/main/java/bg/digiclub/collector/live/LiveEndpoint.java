package bg.digiclub.collector.live;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.intake.ApiException;
import bg.digiclub.collector.intake.DeviceTokens;
import bg.digiclub.collector.store.DeviceIdentity;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcState;

/**
 * {@code GET /api/v1/live}, upgraded to a WebSocket: the device's bearer token is checked before
 * the upgrade (401 without one), then the connection is held as the PC's only one. Frames are
 * JSON text, one {@link LiveMessage} each; a PC sends {@link PcState} and {@link CommandAck} only.
 * A frame that cannot be read closes the connection with 1003 and the reason; a connection silent
 * for {@link #SILENCE} (the agent pings every 20 s) is closed by Jetty.
 */
final class LiveEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEndpoint.class);
    static final String PATH = "/api/v1/live";
    static final Duration SILENCE = Duration.ofSeconds(60);
    /** Close code: the frame is not one this side reads. */
    static final int UNREADABLE = 1003;
    /** Close code: the connection is not allowed. */
    static final int POLICY = 1008;

    private static final String DEVICE = "live.device";
    private static final String CONNECTION = "live.connection";
    /** A close frame's reason is at most 123 bytes. */
    private static final int MAX_REASON_BYTES = 120;

    private final DeviceTokens tokens;
    private final Clock clock;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final LiveConnections connections;
    private final StateWriter states;
    private final Delivery delivery;

    LiveEndpoint(
            DeviceTokens tokens,
            Clock clock,
            ObjectMapper json,
            LiveConnections connections,
            StateWriter states,
            Delivery delivery) {
        this.tokens = tokens;
        this.clock = clock;
        this.reader = json.readerFor(LiveMessage.class);
        this.writer = json.writerFor(LiveMessage.class);
        this.connections = connections;
        this.states = states;
        this.delivery = delivery;
    }

    void register(JavalinConfig config) {
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setIdleTimeout(SILENCE);
            factory.setMaxTextMessageSize(LiveMessage.MAX_FRAME_BYTES);
            factory.setMaxBinaryMessageSize(LiveMessage.MAX_FRAME_BYTES);
        });
        config.routes.wsBeforeUpgrade(PATH, this::authenticate);
        config.routes.ws(PATH, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::message);
            ws.onBinaryMessage(ctx -> close(ctx, UNREADABLE, "frames are JSON text"));
            ws.onClose(this::closed);
            ws.onError(ctx -> LOG.debug("live connection error: {}", String.valueOf(ctx.error())));
        });
    }

    private void authenticate(Context ctx) {
        try {
            ctx.attribute(DEVICE, tokens.authenticate(ctx.header("Authorization")));
        } catch (ApiException e) {
            LOG.info("live connection refused: {}", e.getMessage());
            throw new UnauthorizedResponse(e.getMessage());
        } catch (SQLException e) {
            LOG.error("checking a live connection's token failed", e);
            throw new ServiceUnavailableResponse("the collector's database is not available; retry later");
        }
    }

    private void connected(WsConnectContext ctx) {
        DeviceIdentity device = ctx.attribute(DEVICE);
        if (device == null) {
            close(ctx, POLICY, "no device");
            return;
        }
        PcConnection pc = new PcConnection(device.deviceId(), device.clubId(), clock.instant(), ctx, writer);
        ctx.attribute(CONNECTION, pc);
        connections
                .hold(pc)
                .ifPresent(old -> old.close(PcConnection.REPLACED, "replaced by a newer connection of this PC"));
        states.add(new StateWriter.Opened(pc));
        delivery.opened(pc);
        LOG.debug("PC {} of club {} connected live", device.deviceId(), device.clubId());
    }

    private void message(WsMessageContext ctx) {
        PcConnection pc = ctx.attribute(CONNECTION);
        LiveMessage message;
        try {
            message = reader.readValue(ctx.message());
        } catch (JsonProcessingException e) {
            close(ctx, UNREADABLE, "unreadable frame: " + e.getOriginalMessage());
            return;
        }
        if (message instanceof PcState state) {
            states.add(new StateWriter.State(
                    pc.clubId(), new LiveStateStore.Received(pc.deviceId(), state, clock.instant())));
        } else if (message instanceof CommandAck ack) {
            states.add(new StateWriter.Answer(pc.deviceId(), ack, clock.instant()));
        } else {
            close(
                    ctx,
                    UNREADABLE,
                    "a PC sends only state and ack frames, not "
                            + message.getClass().getSimpleName());
        }
    }

    private void closed(WsCloseContext ctx) {
        PcConnection pc = ctx.attribute(CONNECTION);
        if (pc != null) {
            connections.release(pc);
            states.add(new StateWriter.Closed(pc.deviceId(), pc.connectionId()));
        }
    }

    /** Closes with a reason cut to what a close frame holds. */
    private static void close(WsContext ctx, int code, String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        String cut = reason;
        if (bytes.length > MAX_REASON_BYTES) {
            cut = new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8).replaceAll("\uFFFD$", "");
        }
        ctx.closeSession(code, cut);
    }
}
