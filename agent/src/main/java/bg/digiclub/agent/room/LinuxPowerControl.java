package bg.digiclub.agent.room;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import bg.digiclub.agent.visitor.ToolRun;

/**
 * systemd's {@code systemctl reboot} and {@code systemctl poweroff}: logind lets the agent's
 * account do it when the installer's polkit rule allows it (as it does for an administrator at the
 * console). Sessions are ended by the agent before it asks.
 */
final class LinuxPowerControl implements PowerControl {
    private static final String TOOL_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public Optional<String> restart() {
        return systemctl("reboot");
    }

    @Override
    public Optional<String> shutdown() {
        return systemctl("poweroff");
    }

    /** The command line for one verb: what is run, for the tests to see. */
    static List<String> command(String verb) {
        return List.of("systemctl", "--no-ask-password", verb);
    }

    private static Optional<String> systemctl(String verb) {
        ProcessBuilder pb = new ProcessBuilder(command(verb)).redirectErrorStream(true);
        pb.environment().put("PATH", TOOL_PATH);
        ToolRun.Result r = ToolRun.run("systemctl " + verb, pb, TIMEOUT, true);
        return r.ok() ? Optional.empty() : Optional.of(r.problem());
    }
}
