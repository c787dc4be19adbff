package bg.digiclub.collector.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import bg.digiclub.common.live.Command;

/**
 * The benchmark's club PCs in one process: one {@link SimulatedPc} per enrolled device, each with a
 * live WebSocket from a few JDK {@link HttpClient}s (each one selector thread) whose callbacks run
 * on {@code --threads} threads, and one scheduler thread that asks each PC for a state change every
 * {@code stateEvery} and a ping every {@code pingEvery}, staggered evenly over the period. No thread
 * per connection: the figures are the collector's, on a machine whose two cores the fleet shares.
 */
final class LiveFleet implements AutoCloseable {
    private final List<SimulatedPc> pcs = new ArrayList<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private final ExecutorService callbacks;
    private final ScheduledExecutorService clock;
    private final URI live;
    private final Deliveries deliveries;
    private final AtomicInteger open = new AtomicInteger();
    final AtomicLong opened = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong states = new AtomicLong();
    final AtomicLong rooms = new AtomicLong();
    final AtomicLong cardsChanged = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();
    private volatile boolean closing;

    LiveFleet(List<BenchDevices.Device> devices, int port, int clientCount, int threads, Deliveries deliveries) {
        Objects.requireNonNull(devices, "devices");
        if (clientCount < 1 || threads < 1) {
            throw new IllegalArgumentException("clients and threads must be at least 1");
        }
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.live = URI.create("ws://127.0.0.1:" + port + "/api/v1/live");
        this.callbacks = Executors.newFixedThreadPool(threads, named("bench-pc-"));
        this.clock = Executors.newSingleThreadScheduledExecutor(named("bench-pc-clock"));
        for (int i = 0; i < clientCount; i++) {
            clients.add(HttpClient.newBuilder()
                    .executor(callbacks)
                    .connectTimeout(Duration.ofSeconds(60))
                    .build());
        }
        devices.forEach(d -> pcs.add(new SimulatedPc(d, this)));
    }

    List<SimulatedPc> pcs() {
        return pcs;
    }

    /**
     * Opens every PC's connection, at most {@code concurrency} opening at once, and waits until
     * each is open or failed.
     *
     * @return how many are open
     */
    int connectAll(int concurrency) throws InterruptedException {
        Semaphore opening = new Semaphore(concurrency);
        for (int i = 0; i < pcs.size(); i++) {
            opening.acquire();
            pcs.get(i).connect(clients.get(i % clients.size()), live).whenComplete((ws, failed) -> {
                if (failed != null) {
                    connectFailures.incrementAndGet();
                    problem("connect: " + failed);
                }
                opening.release();
            });
        }
        opening.acquire(concurrency);
        opening.release(concurrency);
        return open.get();
    }

    /** Starts the state changes and pings, each PC at its own offset into the period. */
    void startTraffic(Duration stateEvery, Duration pingEvery) {
        long stateNanos = stateEvery.toNanos();
        long pingNanos = pingEvery.toNanos();
        for (int i = 0; i < pcs.size(); i++) {
            SimulatedPc pc = pcs.get(i);
            clock.scheduleAtFixedRate(pc::changeState, stateNanos * i / pcs.size(), stateNanos, TimeUnit.NANOSECONDS);
            if (pingNanos > 0) {
                clock.scheduleAtFixedRate(pc::ping, pingNanos * i / pcs.size(), pingNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    int open() {
        return open.get();
    }

    void opened() {
        open.incrementAndGet();
        opened.incrementAndGet();
    }

    void stateSent() {
        states.incrementAndGet();
    }

    void commandReceived(Command command, long nanoTime) {
        deliveries.received(command, nanoTime);
    }

    void roomReceived() {
        rooms.incrementAndGet();
    }

    void cardsChangedReceived() {
        cardsChanged.incrementAndGet();
    }

    void unreadable(String text) {
        unreadable.incrementAndGet();
        problem("unreadable frame: " + text);
    }

    void sendFailed(Throwable failure) {
        if (!closing) {
            sendFailures.incrementAndGet();
            problem("send: " + failure);
        }
    }

    /** A connection closed or failed: counted, and opened again a second later (the agent's first backoff). */
    void lost(SimulatedPc pc, String why) {
        open.decrementAndGet();
        if (closing) {
            return;
        }
        lost.incrementAndGet();
        problem("connection of PC " + pc.device.number() + " of " + pc.device.clubId() + " lost: " + why);
        reconnectLater(pc);
    }

    private void reconnectLater(SimulatedPc pc) {
        clock.schedule(
                () -> pc.connect(clients.get(0), live).whenComplete((ws, failed) -> {
                    if (failed != null && !closing) {
                        connectFailures.incrementAndGet();
                        problem("reconnect: " + failed);
                        reconnectLater(pc);
                    }
                }),
                1,
                TimeUnit.SECONDS);
    }

    private void problem(String what) {
        firstProblem.compareAndSet(null, what);
    }

    /** The first thing that went wrong, or null. */
    String firstProblem() {
        return firstProblem.get();
    }

    @Override
    public void close() {
        closing = true;
        clock.shutdownNow();
        callbacks.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
