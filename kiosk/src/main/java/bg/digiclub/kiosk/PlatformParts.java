package bg.digiclub.kiosk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.launcher.AgentAppLauncher;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AllowedApps;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.Platform;
import bg.digiclub.kiosk.platform.current.Platforms;

/**
 * The kiosk's platform parts on a real PC: OS idle time and the launcher (which asks the agent
 * to start the club's programs as the visitor), built from the configuration for the OS it runs on.
 */
record PlatformParts(IdleMonitor idleMonitor, AppLauncher launcher) {
    PlatformParts {
        Objects.requireNonNull(idleMonitor, "idleMonitor");
        Objects.requireNonNull(launcher, "launcher");
    }

    /** @param configFile the file the configuration came from, named in error messages */
    static PlatformParts forThisPc(KioskConfig config, Path configFile, AgentClient agent) {
        Platform platform = Platforms.current();
        List<AllowedApp> apps = AllowedApps.parse(config.launcherSection(), configFile, platform.configKey());
        return new PlatformParts(platform.idleMonitor(), new AgentAppLauncher(apps, agent));
    }
}
