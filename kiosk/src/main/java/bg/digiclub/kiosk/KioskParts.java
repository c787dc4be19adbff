package bg.digiclub.kiosk;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.platform.IdleMonitor;

/**
 * Everything the kiosk's screens need from outside, made in {@link KioskMain} (or by a test)
 * and handed in whole.
 *
 * @param demo         windowed, Escape and close allowed
 * @param nanoTime     the monotonic ticker every countdown runs on
 * @param launcher     the club's allowed programs, started through the agent as the visitor
 * @param clock        the wall clock, for the date on the lock screen
 * @param work         runs agent calls in order, off the UI thread
 * @param ui           runs on the UI thread
 * @param ready        told once the lock screen is first on screen (the cold-start benchmark)
 */
public record KioskParts(
        KioskConfig config,
        boolean demo,
        AgentClient agent,
        IdleMonitor idleMonitor,
        AppLauncher launcher,
        LongSupplier nanoTime,
        Clock clock,
        Executor work,
        Executor ui,
        Runnable ready) {
    public KioskParts {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(idleMonitor, "idleMonitor");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(ready, "ready");
    }
}
