package bg.digiclub.collector.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.websocket.WsContext;

import bg.digiclub.common.live.LiveMessage;

/**
 * One PC's live connection held by this instance. Sending never blocks: Jetty queues the frame
 * and writes it when the socket can take it, so a slow PC holds no thread.
 */
final class PcConnection {
    /** Close code of a connection replaced by the PC's newer one. */
    static final int REPLACED = 4000;
    /** Close code of a connection whose device was revoked. */
    static final int REVOKED = 4001;

    private final UUID deviceId;
    private final String clubId;
    private final UUID connectionId;
    private final Instant openedAt;
    private final long openedNanos = System.nanoTime();
    private final WsContext socket;
    private final ObjectWriter writer;
    /** Commands sent on this connection: each is sent once per connection, again only on the next. */
    private final Set<UUID> sent = ConcurrentHashMap.newKeySet();

    PcConnection(UUID deviceId, String clubId, Instant openedAt, WsContext socket, ObjectWriter writer) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clubId = Objects.requireNonNull(clubId, "clubId");
        this.connectionId = UUID.randomUUID();
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    UUID deviceId() {
        return deviceId;
    }

    String clubId() {
        return clubId;
    }

    UUID connectionId() {
        return connectionId;
    }

    Instant openedAt() {
        return openedAt;
    }

    /** True once the connection is older than {@code age} (real time, whatever the collector's clock says). */
    boolean olderThan(Duration age) {
        return System.nanoTime() - openedNanos > age.toNanos();
    }

    /** True the first time a command is about to go out on this connection. */
    boolean firstSending(UUID commandId) {
        return sent.add(commandId);
    }

    /** True if the command went out on this connection already. */
    boolean sentHere(UUID commandId) {
        return sent.contains(commandId);
    }

    void send(LiveMessage message) {
        String text;
        try {
            text = writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live message cannot be written as JSON", e);
        }
        synchronized (this) {
            socket.send(text);
        }
    }

    void close(int code, String reason) {
        socket.closeSession(code, reason);
    }
}
