package bg.digiclub.kiosk.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a session's processes by scanning the whole process table rather than following the
 * kiosk's children: a program that double-forked has been re-parented away from the kiosk and
 * only shows up as "a process of the visitor's account" (DESIGN.md, pitfalls). Each round asks
 * politely ({@link ProcessHandle#destroy()}), waits up to the grace period, then forces; rounds
 * repeat until the selection is empty, at most {@link #MAX_ROUNDS} times, because a dying parent
 * can spawn a last child.
 *
 * <p>Works wherever {@link ProcessHandle} reports owners (Linux and Windows); the platform
 * supplies how an owner is matched.
 */
public final class UserSessionProcesses implements SessionProcesses {
    /** Enough for a program that respawns a helper on exit; a fork bomb is not chased forever. */
    public static final int MAX_ROUNDS = 5;

    /** How long a forced kill may take to be reported before the round moves on. */
    private static final Duration FORCED_WAIT = Duration.ofSeconds(2);

    /** How often exits are checked while waiting. */
    private static final long POLL_MILLIS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(UserSessionProcesses.class);

    private final ProcessSelection selection;
    private final Predicate<ProcessHandle> exited;

    /**
     * @param selection which processes to end
     * @param exited    whether a process has ended; the platform's check, because
     *                  {@link ProcessHandle#isAlive()} counts an unreaped zombie as alive
     */
    public UserSessionProcesses(ProcessSelection selection, Predicate<ProcessHandle> exited) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.exited = Objects.requireNonNull(exited, "exited");
    }

    @Override
    public int endAll(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        long self = ProcessHandle.current().pid();
        int ended = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            // The handles of this very scan: each carries the process's start time, so a pid
            // reused by another program between scan and signal is not hit.
            Map<Long, ProcessHandle> handles = ProcessHandle.allProcesses()
                    .collect(Collectors.toMap(ProcessHandle::pid, h -> h, (a, b) -> a));
            List<ProcessSnapshot> table = handles.values().stream().map(ProcessSnapshot::of).collect(Collectors.toList());
            Set<Long> pids = selection.select(table, self);
            List<ProcessHandle> targets = pids.stream()
                    .map(handles::get)
                    .filter(exited.negate())
                    .collect(Collectors.toList());
            if (targets.isEmpty()) {
                return ended;
            }
            LOG.info("Ending {} session process(es), round {}: {}", targets.size(), round, pids);
            targets.forEach(ProcessHandle::destroy);
            List<ProcessHandle> stubborn = waitForExit(targets, grace);
            if (!stubborn.isEmpty()) {
                LOG.info("{} process(es) ignored the polite request within {}; forcing", stubborn.size(), grace);
                stubborn.forEach(ProcessHandle::destroyForcibly);
                waitForExit(stubborn, FORCED_WAIT);
            }
            ended += (int) targets.stream().filter(exited).count();
        }
        List<ProcessSnapshot> table = ProcessHandle.allProcesses().map(ProcessSnapshot::of).collect(Collectors.toList());
        List<Long> left = selection.select(table, self).stream()
                .filter(pid -> ProcessHandle.of(pid).filter(exited.negate()).isPresent())
                .collect(Collectors.toList());
        if (!left.isEmpty()) {
            LOG.warn("After {} rounds {} session process(es) are still running: {}", MAX_ROUNDS, left.size(), left);
        }
        return ended;
    }

    /**
     * Waits until all have exited or the time is up; returns those still alive. Polls rather than
     * using {@link ProcessHandle#onExit()}, which for processes that are not the JVM's children
     * checks only every 300 ms and more — too coarse when the lock screen waits for it.
     */
    private List<ProcessHandle> waitForExit(List<ProcessHandle> handles, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<ProcessHandle> alive = new ArrayList<>(handles);
        while (true) {
            alive.removeIf(exited);
            if (alive.isEmpty() || System.nanoTime() - deadline >= 0) {
                return alive;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
    }
}
