package bg.digiclub.systemtest.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import bg.digiclub.agent.upload.UploadRound;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.testsupport.TestClock;

/**
 * A club PC's agent in a process of its own, for {@link KilledAgentTest}: starts on the data
 * directory {@code args[0]} (as after a boot), at the simulated instant {@code args[2]}, and sends
 * everything waiting to {@code args[1]} ({@code agent upload --now}), then exits 0.
 */
public final class UploadingAgent {
    private UploadingAgent() {}

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(Instant.parse(args[2]), TestClock.SOFIA);
        try (ClubPc pc = new ClubPc(Path.of(args[0]), clock, URI.create(args[1]), Duration.ofSeconds(30))) {
            System.out.println("agent: uploading " + pc.waiting() + " batch(es)");
            UploadRound round = pc.upload().uploadNow();
            System.out.println("agent: " + round);
            System.exit(pc.waiting() == 0 ? 0 : 3);
        }
    }
}
