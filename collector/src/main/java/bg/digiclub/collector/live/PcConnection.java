package bg.digiclub.collector.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
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
    /**
     * An unanswered command goes out again on the same connection after this long (the collector's
     * clock): its answer may have been lost on the way in (a failed write). The agent runs an id once
     * and answers a repeat with its first answer, so a repeat is harmless.
     */
    static final Duration RESEND_AFTER = Duration.ofSeconds(30);

    /** When each command last went out on this connection (the collector's clock). */
    private final Map<UUID, Instant> sent = new ConcurrentHashMap<>();

    /** The connection's first Room has gone out: commands may follow it (never before it). */
    private volatile boolean greeted;

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

    /** The first Room went out on this connection; from now on commands may be sent on it. */
    void greeted() {
        greeted = true;
    }

    /** Whether the first Room went out: a sweep running while the PC connects must not send before it. */
    boolean isGreeted() {
        return greeted;
    }

    /** True once the connection is older than {@code age} (real time, whatever the collector's clock says). */
    boolean olderThan(Duration age) {
        return System.nanoTime() - openedNanos > age.toNanos();
    }

    /**
     * True if the command is to go out on this connection now: it never did, or it did at least
     * {@link #RESEND_AFTER} ago (and is still unanswered, which the caller knows); it is then
     * counted as sent at {@code now}.
     */
    boolean takeForSending(UUID commandId, Instant now) {
        boolean[] mine = {false};
        sent.compute(commandId, (id, at) -> {
            if (at == null || !now.isBefore(at.plus(RESEND_AFTER))) {
                mine[0] = true;
                return now;
            }
            return at;
        });
        return mine[0];
    }

    /** True if the command is due to go out on this connection at {@code now} (see {@link #takeForSending}). */
    boolean dueForSending(UUID commandId, Instant now) {
        Instant at = sent.get(commandId);
        return at == null || !now.isBefore(at.plus(RESEND_AFTER));
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
