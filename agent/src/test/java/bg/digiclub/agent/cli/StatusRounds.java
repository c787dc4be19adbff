package bg.digiclub.agent.cli;

import static bg.digiclub.testsupport.Patience.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import bg.digiclub.agent.service.StatusFile;

/**
 * The sampling rounds of an {@code agent run} in a child process, seen from outside: every round
 * rewrites the status file (atomically, by rename) with the round's {@code sampledAt}, so each
 * new content is a new round. Tests wait for rounds instead of sleeping for them.
 */
final class StatusRounds {
    private final Process agent;
    private final Path status;
    private final Set<String> seen = new HashSet<>();

    /** The rounds of {@code agent} writing into {@code dataDir}. */
    StatusRounds(Process agent, Path dataDir) {
        this.agent = agent;
        this.status = dataDir.resolve(StatusFile.FILE_NAME);
    }

    /** Waits until the agent has written its first status file (and the other {@code files} exist). */
    void awaitFirst(Path... files) {
        await("the first status file of " + status.getParent())
                .failFast("agent run exited early", () -> !agent.isAlive())
                .until(() -> observe() >= 1 && Set.of(files).stream().allMatch(Files::exists));
    }

    /** Waits until the agent has written {@code rounds} more status files than seen so far. */
    void awaitMore(int rounds) {
        int target = observe() + rounds;
        await(rounds + " more sampling rounds in " + status.getParent())
                .failFast("agent run exited early", () -> !agent.isAlive())
                .until(() -> observe() >= target);
    }

    /** How many distinct status files were seen so far, the current one included. */
    private int observe() {
        try {
            seen.add(Files.readString(status, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // not written yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen.size();
    }
}
