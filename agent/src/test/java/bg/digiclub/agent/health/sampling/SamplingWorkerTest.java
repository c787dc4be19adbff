package bg.digiclub.agent.health.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.SampleOutcome.Failed;
import bg.digiclub.agent.health.sampling.SampleOutcome.Reason;
import bg.digiclub.agent.health.sampling.SampleOutcome.Sampled;
import bg.digiclub.testsupport.TestClock;

class SamplingWorkerTest {
    /** Long enough that a sample that does not hang never times out on a loaded machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    /** For tests where a sample hangs for good: the wait is real, the assertions never look at time. */
    private static final Duration SHORT = Duration.ofMillis(500);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<SamplingWorker> workers = new ArrayList<>();

    @AfterEach
    void releaseHangingSamplers() {
        release.countDown();
        workers.forEach(SamplingWorker::close);
    }

    private static HealthSample sample(double load) {
        return new HealthSample(
                Instant.parse("2026-11-25T08:00:00Z"), Map.of(Metric.CPU_LOAD_PCT, load), List.of(), List.of());
    }

    /** What a fake sampler does on one call. */
    private interface Step {
        HealthSample run();
    }

    /**
     * A hand-written fake sampler playing a script of steps, recording the threads it ran on.
     * A "hang" step ignores interrupts, like a native WMI call that never returns.
     */
    private final class ScriptedSampler implements HealthSampler {
        final Deque<Step> steps = new ArrayDeque<>();
        final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch hanging = new CountDownLatch(1);

        ScriptedSampler then(Step step) {
            steps.add(step);
            return this;
        }

        ScriptedSampler thenReturn(HealthSample s) {
            return then(() -> s);
        }

        ScriptedSampler thenHangAndReturn(HealthSample lateResult) {
            return then(() -> {
                hanging.countDown();
                awaitUninterruptibly(release);
                return lateResult;
            });
        }

        @Override
        public HealthSample sample() {
            threads.add(Thread.currentThread());
            return steps.remove().run();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private SamplingWorker worker(Supplier<HealthSampler> factory, Duration timeout, int maxStuck) {
        SamplingWorker worker = new SamplingWorker(factory, timeout, clock, maxStuck);
        workers.add(worker);
        return worker;
    }

    private static Supplier<HealthSampler> factoryOf(HealthSampler... samplers) {
        Deque<HealthSampler> queue = new ArrayDeque<>(List.of(samplers));
        return queue::remove;
    }

    @Test
    void samplesOnOneDedicatedDaemonThread() {
        ScriptedSampler sampler = new ScriptedSampler().thenReturn(sample(10)).thenReturn(sample(20));
        SamplingWorker worker = worker(factoryOf(sampler), GENEROUS, 3);

        SampleOutcome first = worker.sample();
        SampleOutcome second = worker.sample();

        assertEquals(10.0, ((Sampled) first).sample().metrics().get(Metric.CPU_LOAD_PCT));
        assertEquals(Optional.of(sample(20)), second.latestGood());
        assertEquals(Optional.of(sample(20)), worker.latestGood());
        Thread thread = sampler.threads.get(0);
        assertSame(thread, sampler.threads.get(1));
        assertNotSame(Thread.currentThread(), thread);
        assertTrue(thread.isDaemon());
    }

    @Test
    void hangingSampleIsAbandonedReportedAndTheNextRunsOnANewThreadWithANewSampler() throws Exception {
        ScriptedSampler first = new ScriptedSampler().thenReturn(sample(10)).thenHangAndReturn(sample(99));
        ScriptedSampler second = new ScriptedSampler().thenReturn(sample(30));
        SamplingWorker worker = worker(factoryOf(first, second), SHORT, 3);

        worker.sample();
        SampleOutcome hung = worker.sample();

        Failed failed = assertInstanceOf(Failed.class, hung);
        assertEquals(Reason.TIMED_OUT, failed.reason());
        assertEquals(clock.instant(), failed.at());
        assertEquals("health sample took longer than 500 ms", failed.detail());
        assertEquals(Optional.of(sample(10)), failed.latestGood());

        SampleOutcome next = worker.sample();
        assertEquals(Optional.of(sample(30)), next.latestGood());
        assertNotSame(first.threads.get(0), second.threads.get(0));

        // The hung call returns at last: its late result must not replace the newer sample.
        release.countDown();
        assertTrue(worker.awaitAbandonedSamples(GENEROUS));
        assertEquals(Optional.of(sample(30)), worker.latestGood());
    }

    @Test
    void stopsStartingThreadsWhileTooManyHang() throws Exception {
        ScriptedSampler hangs = new ScriptedSampler().thenHangAndReturn(sample(99));
        ScriptedSampler later = new ScriptedSampler().thenReturn(sample(40));
        SamplingWorker worker = worker(factoryOf(hangs, later), SHORT, 1);

        assertEquals(Reason.TIMED_OUT, ((Failed) worker.sample()).reason());
        Failed stuck = assertInstanceOf(Failed.class, worker.sample());
        assertEquals(Reason.STUCK, stuck.reason());
        assertEquals(Optional.empty(), stuck.latestGood());
        assertTrue(later.threads.isEmpty(), "no new sampler was started");

        release.countDown();
        assertTrue(worker.awaitAbandonedSamples(GENEROUS));
        assertEquals(Optional.of(sample(40)), worker.sample().latestGood());
    }

    @Test
    void samplerThatThrowsIsReportedAndItsThreadKept() {
        ScriptedSampler sampler = new ScriptedSampler()
                .thenReturn(sample(10))
                .then(() -> {
                    throw new IllegalStateException("WMI said no");
                })
                .thenReturn(sample(50));
        SamplingWorker worker = worker(factoryOf(sampler), GENEROUS, 3);

        worker.sample();
        Failed failed = assertInstanceOf(Failed.class, worker.sample());
        assertEquals(Reason.THREW, failed.reason());
        assertEquals("sampling failed: java.lang.IllegalStateException: WMI said no", failed.detail());
        assertEquals(Optional.of(sample(10)), failed.latestGood());
        assertEquals(Optional.of(sample(50)), worker.sample().latestGood());
        assertSame(sampler.threads.get(0), sampler.threads.get(2));
    }

    @Test
    void samplerThatCannotBeCreatedIsReportedAndTriedAgain() {
        ScriptedSampler sampler = new ScriptedSampler().thenReturn(sample(60));
        Deque<Supplier<HealthSampler>> attempts = new ArrayDeque<>();
        attempts.add(() -> {
            throw new UnsatisfiedLinkError("jnidispatch");
        });
        attempts.add(() -> sampler);
        SamplingWorker worker = worker(() -> attempts.remove().get(), GENEROUS, 3);

        Failed failed = assertInstanceOf(Failed.class, worker.sample());
        assertEquals(Reason.THREW, failed.reason());
        assertEquals(Optional.of(sample(60)), worker.sample().latestGood());
    }

    @Test
    void closedWorkerRefusesToSample() {
        SamplingWorker worker = worker(factoryOf(new ScriptedSampler()), GENEROUS, 3);
        worker.close();
        assertThrows(IllegalStateException.class, worker::sample);
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        IllegalArgumentException timeout = assertThrows(
                IllegalArgumentException.class, () -> new SamplingWorker(ScriptedSampler::new, Duration.ZERO, clock));
        assertEquals("sampling timeout must be positive, was PT0S", timeout.getMessage());
        IllegalArgumentException stuck = assertThrows(
                IllegalArgumentException.class, () -> new SamplingWorker(ScriptedSampler::new, GENEROUS, clock, 0));
        assertEquals("maxStuckThreads must be at least 1, was 0", stuck.getMessage());
    }
}
