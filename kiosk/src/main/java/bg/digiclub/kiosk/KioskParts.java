package bg.digiclub.kiosk;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.wipe.PrivacyWipe;

/**
 * Everything the kiosk's screens need from outside, made in {@link KioskMain} (or by a test)
 * and handed in whole.
 *
 * @param demo         windowed, Escape and close allowed
 * @param nanoTime     the monotonic ticker every countdown runs on
 * @param clock        the wall clock, for the date on the lock screen and timestamps sent to the agent
 * @param newSessionId makes session ids (random UUIDs)
 * @param work         runs slow work (agent calls, ending apps, wiping) in order, off the UI thread
 * @param ui           runs on the UI thread
 * @param ready        told once the lock screen is first on screen (the cold-start benchmark)
 */
public record KioskParts(KioskConfig config, boolean demo, AgentClient agent, IdleMonitor idleMonitor,
                         SessionProcesses processes, PrivacyWipe wipe, AppLauncher launcher, LongSupplier nanoTime,
                         Clock clock, Supplier<String> newSessionId, Executor work, Executor ui, Runnable ready) {
    public KioskParts {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(idleMonitor, "idleMonitor");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(wipe, "wipe");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(newSessionId, "newSessionId");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(ready, "ready");
    }
}
