package bg.digiclub.kiosk.agentlink;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import bg.digiclub.common.link.wire.ErrorCodes;

/**
 * Delivers spooled session events to the agent in order, one at a time, on its own thread:
 * at once when an event is added, and every {@code retryInterval} while the agent is away.
 *
 * <p>An event leaves the spool when the agent has answered it: accepted, or refused for good
 * (a malformed event would otherwise block every later one; it is logged). A transport
 * failure or a transient refusal keeps it at the head for the next try.
 */
final class SpoolFlusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolFlusher.class);
    /** While a backlog drains, the spool file is rewritten after this many deliveries. */
    private static final int PERSIST_EVERY = 50;

    private final EventSpool spool;
    private final LinkChannel link;
    private final long retryMillis;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean wake;
    private volatile boolean closed;

    SpoolFlusher(EventSpool spool, LinkChannel link, Duration retryInterval) {
        this.spool = spool;
        this.link = link;
        this.retryMillis = Math.max(1, retryInterval.toMillis());
        this.thread = new Thread(this::run, "digiclub-spool-flusher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks for a delivery attempt now. */
    void wake() {
        synchronized (signal) {
            wake = true;
            signal.notifyAll();
        }
    }

    /**
     * Delivers what it can now, on the caller's thread.
     *
     * @return true if the spool is empty afterwards
     */
    boolean flush() {
        synchronized (this) {
            try {
                int delivered = 0;
                while (!closed) {
                    Optional<SpooledEvent> head = spool.head();
                    if (head.isEmpty()) {
                        return true;
                    }
                    if (!deliver(head.get())) {
                        return false;
                    }
                    if (++delivered % PERSIST_EVERY == 0) {
                        persist();
                    }
                }
                return spool.size() == 0;
            } finally {
                persist();
            }
        }
    }

    private void persist() {
        try {
            spool.persist();
        } catch (IOException e) {
            // the delivered events stay in the file and go again after a restart; the agent ignores repeats
            LOG.warn("cannot update the session spool after delivery", e);
        }
    }

    private boolean deliver(SpooledEvent event) {
        JsonNode answer;
        try {
            answer = link.exchange(event.type(), event.body());
        } catch (IOException e) {
            LOG.debug("agent unreachable; {} session event(s) stay spooled: {}", spool.size(), e.getMessage());
            return false;
        }
        if (!answer.path("ok").asBoolean()) {
            String code = answer.path("error").path("code").asText("");
            if (ErrorCodes.isTransient(code)) {
                LOG.info("agent could not take a {} now ({}); will retry", event.type(), code);
                return false;
            }
            LOG.warn("agent refused spooled {} for good: {} {}; dropping it", event.type(), code,
                    answer.path("error").path("message").asText(""));
        }
        spool.delivered(event);
        return true;
    }

    private void run() {
        while (!closed) {
            boolean empty = flush();
            synchronized (signal) {
                if (!wake && !closed) {
                    try {
                        if (empty) {
                            signal.wait();
                        } else {
                            signal.wait(retryMillis);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                wake = false;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
