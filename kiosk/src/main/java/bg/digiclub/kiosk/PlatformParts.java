package bg.digiclub.kiosk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.launcher.AllowedApps;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.launcher.LaunchedProcesses;
import bg.digiclub.kiosk.launcher.ProcessAppLauncher;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.Platform;
import bg.digiclub.kiosk.platform.Platforms;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.wipe.ConfiguredPrivacyWipe;
import bg.digiclub.kiosk.wipe.PrivacyWipe;
import bg.digiclub.kiosk.wipe.WipeConfig;

/**
 * The kiosk's platform parts on a real PC: OS idle time, ending the session's programs, the
 * privacy wipe and the launcher, built from the configuration for the OS it runs on.
 */
record PlatformParts(IdleMonitor idleMonitor, SessionProcesses processes, PrivacyWipe wipe, AppLauncher launcher) {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformParts.class);
    /** Accounts whose every process must never be ended: the kiosk is not running as a visitor. */
    private static final Set<String> NOT_A_VISITOR = Set.of("root", "SYSTEM", "Administrator");

    PlatformParts {
        Objects.requireNonNull(idleMonitor, "idleMonitor");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(wipe, "wipe");
        Objects.requireNonNull(launcher, "launcher");
    }

    /**
     * @param configFile the file the configuration came from, named in error messages
     * @param keep       executables never ended with the session (the window manager beside the kiosk)
     */
    static PlatformParts forThisPc(KioskConfig config, Path configFile, Set<String> keep) {
        Platform platform = Platforms.current();
        List<bg.digiclub.kiosk.launcher.AllowedApp> apps =
                AllowedApps.parse(config.launcherSection(), configFile, platform.configKey());
        ProcessAppLauncher launcher = new ProcessAppLauncher(apps);
        String user = System.getProperty("user.name");
        SessionProcesses processes;
        if (NOT_A_VISITOR.contains(user)) {
            LOG.warn("the kiosk runs as {}, not as a visitor account: only programs started from the launcher"
                    + " are ended with a session", user);
            processes = new LaunchedProcesses(launcher);
        } else {
            processes = platform.sessionProcesses(user, keep);
        }
        PrivacyWipe wipe;
        if (config.wipeSection().isEmpty()) {
            LOG.warn("no wipe.* settings in {}: nothing is wiped between visitors", configFile);
            wipe = () -> List.of(new WipeStepResult("wipe", false, "no wipe steps configured"));
        } else {
            wipe = new ConfiguredPrivacyWipe(WipeConfig.parse(config.wipeSection(), configFile),
                    platform.clipboardCleaner());
        }
        return new PlatformParts(platform.idleMonitor(), processes, wipe, launcher);
    }
}
