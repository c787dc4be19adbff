package bg.digiclub.agent.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.upload.UploadRound;

/** {@code agent upload}: seals what is due and sends everything waiting, now. */
@Command(name = "upload", description = "Send the waiting statistics to the collector now.")
final class UploadCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Accepted as scripts written for earlier versions give it; uploading now is what the command does. */
    @Option(names = "--now", hidden = true)
    boolean now;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = options.load(Optional.empty());
        UploadRound round = AgentRuntime.uploadNow(config);
        System.out.printf(
                "sent %d batch(es), quarantined %d: %s%s%n",
                round.sent(),
                round.quarantined(),
                round.outcome(),
                round.detail().isEmpty() ? "" : " (" + round.detail() + ")");
        round.retryAt().ifPresent(t -> System.out.println("next try not before " + t));
        return round.outcome() == UploadRound.Outcome.DONE ? 0 : 1;
    }
}
