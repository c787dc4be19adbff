package bg.digiclub.agent.health.sampling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.sampling.SampleOutcome.Failed;
import bg.digiclub.agent.health.sampling.SampleOutcome.Reason;
import bg.digiclub.agent.health.sampling.SampleOutcome.Sampled;

/**
 * Runs sampling on one dedicated daemon thread, watched: a sample that takes longer than the
 * timeout is abandoned (OSHI's WMI calls can hang for good on Windows, and a thread stuck in native
 * code cannot be stopped), reported as a {@link Failed} outcome, and the next sample runs on a new
 * thread with a new sampler from the factory — the old sampler may still be running on the stuck
 * thread and must never be shared with the new one.
 *
 * <p>At most {@code maxStuckThreads} abandoned threads may still be hanging; beyond that no new
 * thread is started (each would hang too, piling up threads and memory) and samples fail as
 * {@link Reason#STUCK} until one of them returns.
 *
 * <p>{@link #sample()} may be called from any thread (one call at a time is served);
 * {@link #latestGood()} never blocks.
 */
public final class SamplingWorker implements AutoCloseable {
    /** Default number of abandoned threads tolerated before sampling stops starting new ones. */
    public static final int DEFAULT_MAX_STUCK_THREADS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SamplingWorker.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final int STACK_FRAMES_LOGGED = 12;

    private final Supplier<? extends HealthSampler> samplerFactory;
    private final Duration timeout;
    private final Clock clock;
    private final int maxStuckThreads;
    private final List<Generation> abandoned = new ArrayList<>();
    private Generation current;
    private volatile HealthSample latestGood;
    private boolean closed;

    /**
     * One sampling thread and the sampler used on it; replaced together when the thread is abandoned.
     * The sampler is created lazily on the sampling thread, so a hang in OSHI's start-up is watched too.
     */
    private static final class Generation {
        private final Supplier<? extends HealthSampler> factory;
        private final ExecutorService executor;
        private volatile Thread thread;
        private HealthSampler sampler;
        private volatile CountDownLatch lastTaskDone = new CountDownLatch(0);

        Generation(Supplier<? extends HealthSampler> factory) {
            this.factory = factory;
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "health-sampler-" + THREAD_NUMBER.incrementAndGet());
                t.setDaemon(true);
                thread = t;
                return t;
            });
        }

        Future<HealthSample> submit() {
            CountDownLatch done = new CountDownLatch(1);
            lastTaskDone = done;
            return executor.submit(() -> {
                try {
                    if (sampler == null) {
                        sampler = Objects.requireNonNull(factory.get(), "sampler factory returned null");
                    }
                    return sampler.sample();
                } finally {
                    done.countDown();
                }
            });
        }

        boolean stillHanging() {
            return lastTaskDone.getCount() > 0;
        }
    }

    /**
     * @param samplerFactory  makes the sampler; called on the sampling thread, again after a hang
     * @param timeout         how long one sample may take
     * @param clock           gives the time of failures
     * @param maxStuckThreads how many abandoned threads may still hang before no new one is started
     */
    public SamplingWorker(
            Supplier<? extends HealthSampler> samplerFactory, Duration timeout, Clock clock, int maxStuckThreads) {
        this.samplerFactory = Objects.requireNonNull(samplerFactory, "samplerFactory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sampling timeout must be positive, was " + timeout);
        }
        if (maxStuckThreads < 1) {
            throw new IllegalArgumentException("maxStuckThreads must be at least 1, was " + maxStuckThreads);
        }
        this.maxStuckThreads = maxStuckThreads;
    }

    /** A worker tolerating {@link #DEFAULT_MAX_STUCK_THREADS} hanging threads. */
    public SamplingWorker(Supplier<? extends HealthSampler> samplerFactory, Duration timeout, Clock clock) {
        this(samplerFactory, timeout, clock, DEFAULT_MAX_STUCK_THREADS);
    }

    /**
     * Takes a sample on the sampling thread and waits for it at most the timeout.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized SampleOutcome sample() {
        if (closed) {
            throw new IllegalStateException("sampling worker is closed");
        }
        abandoned.removeIf(g -> !g.stillHanging());
        if (current == null) {
            if (abandoned.size() >= maxStuckThreads) {
                return failed(
                        Reason.STUCK,
                        abandoned.size() + " abandoned sampling threads are still hanging;" + " not starting another");
            }
            current = new Generation(samplerFactory);
        }
        Future<HealthSample> future = current.submit();
        try {
            HealthSample sample = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            latestGood = sample;
            return new Sampled(sample);
        } catch (TimeoutException e) {
            return abandonCurrent(future);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("Health sample failed", cause);
            return failed(Reason.THREW, "sampling failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(Reason.INTERRUPTED, "interrupted while waiting for the health sample");
        }
    }

    /** The latest sample that was taken in time, if any. */
    public Optional<HealthSample> latestGood() {
        return Optional.ofNullable(latestGood);
    }

    private SampleOutcome abandonCurrent(Future<HealthSample> future) {
        Generation stuck = current;
        current = null;
        // Interrupting frees a thread blocked in Java (e.g. waiting for smartctl); a native hang ignores it.
        future.cancel(true);
        stuck.executor.shutdownNow();
        abandoned.add(stuck);
        Thread thread = stuck.thread;
        String where = thread == null
                ? "(no thread)"
                : thread.getName() + " at "
                        + Arrays.stream(thread.getStackTrace())
                                .limit(STACK_FRAMES_LOGGED)
                                .map(String::valueOf)
                                .collect(Collectors.joining(" <- "));
        LOG.warn("Health sample took longer than {}; abandoned {}", timeout, where);
        return failed(Reason.TIMED_OUT, "health sample took longer than " + describe(timeout));
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private Failed failed(Reason reason, String detail) {
        return new Failed(reason, clock.instant(), detail, latestGood());
    }

    /**
     * Waits until every abandoned sample has returned or {@code wait} has passed; for tests.
     *
     * @return true when none is hanging any more
     */
    boolean awaitAbandonedSamples(Duration wait) throws InterruptedException {
        List<Generation> hanging;
        synchronized (this) {
            hanging = new ArrayList<>(abandoned);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (Generation g : hanging) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !g.lastTaskDone.await(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Stops the sampling thread; a hanging one is left to die on its own (it is a daemon). */
    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.executor.shutdownNow();
            current = null;
        }
    }
}
