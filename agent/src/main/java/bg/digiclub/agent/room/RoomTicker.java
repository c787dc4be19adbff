package bg.digiclub.agent.room;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ClubRoom#tick()} every second on its own thread: closing, the shutdown after it and
 * staff's restart keep their minute whatever the agent's other rounds are doing.
 */
public final class RoomTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomTicker.class);
    private static final long EVERY_MILLIS = 1_000;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "club-room");
        t.setDaemon(true);
        return t;
    });

    private RoomTicker() {}

    /** Starts ticking {@code room} every second. */
    public static RoomTicker start(ClubRoom room) {
        Objects.requireNonNull(room, "room");
        RoomTicker ticker = new RoomTicker();
        ticker.thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        room.tick();
                    } catch (RuntimeException e) {
                        LOG.error("the club room's round failed", e);
                    }
                },
                EVERY_MILLIS,
                EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        return ticker;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
