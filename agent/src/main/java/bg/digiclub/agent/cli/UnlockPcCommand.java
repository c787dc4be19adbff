package bg.digiclub.agent.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import bg.digiclub.agent.AgentRuntime;

/**
 * {@code agent unlock-pc}: puts a PC that staff took out of service from the club page (LOCK) back
 * in service from the PC itself, for when the club page cannot be reached (the collector is away,
 * the club's network is down). Like {@code staff-pin}, it needs the agent's data directory, which
 * only the agent's account can open; a running agent takes it within a second.
 */
@Command(name = "unlock-pc", description = "Put this PC back in service after staff locked it from the club page.")
final class UnlockPcCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        boolean was = AgentRuntime.unlockPc(options.load(Optional.empty()));
        System.out.println(was ? "this PC is back in service" : "this PC was not locked; nothing changed");
        return 0;
    }
}
