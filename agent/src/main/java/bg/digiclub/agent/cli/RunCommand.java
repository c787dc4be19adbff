package bg.digiclub.agent.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.service.AlreadyRunningException;

/** {@code agent run}: the service. Runs until stopped (SIGTERM / Ctrl+C). */
@Command(name = "run", description = "Run the agent service (health sampling, store, alerts).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            description = "Sampling interval (overrides sampling.interval-seconds).")
    Integer intervalSeconds;

    @Option(
            names = "--live",
            description = "Print the health line every round, for watching in a terminal"
                    + " (default: when the overall status changes and hourly).")
    boolean live;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = options.load(Optional.ofNullable(intervalSeconds).map(Duration::ofSeconds));
        try {
            return AgentRuntime.run(config, live);
        } catch (AlreadyRunningException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
