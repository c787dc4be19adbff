package bg.digiclub.collector.live;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.LivePc;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.Room;

/**
 * Two collector instances over one PostgreSQL, the second a real {@code java} process: what staff
 * do on one reaches a PC whose connection the other holds, and its answer comes back, through the
 * database only.
 */
class TwoCollectorsTest {
    @TempDir
    Path temp;

    @Test
    void aCommandIssuedOnOneInstanceReachesAPcConnectedToTheOther() throws Exception {
        try (RunningCollector a = new RunningCollector("postgresql", temp);
                OtherProcess b = new OtherProcess(a.databaseUrl, a.clock.instant(), temp.resolve("second.log"))) {
            EnrolmentResponse enrolled = a.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = a.server.live().console();
            try (LivePc pc = LivePc.connect(b.port, enrolled.token())) {
                await("the Room from the second instance")
                        .until(() -> pc.received(Room.class).size() == 1);
                pc.send(LiveChannelTest.free(a.clock.instant()));
                await("the first instance shows the PC online")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, LiveChannelTest.RODINA)
                                .get(0)
                                .online());

                CommandView issued = console.issue(
                                LiveConsoleTest.RODINA_STAFF,
                                LiveChannelTest.RODINA,
                                enrolled.deviceId(),
                                new CommandRequest(CommandKind.MESSAGE, null, "От другия сървър", null, null))
                        .get(0);

                await("the command through the second instance")
                        .until(() -> pc.received(Command.class).size() == 1);
                assertEquals(issued.id(), pc.received(Command.class).get(0).id());
                pc.send(new CommandAck(issued.id(), CommandOutcome.DONE, "shown"));
                await("its answer on the first instance")
                        .until(() -> console.commands(LiveConsoleTest.RODINA_STAFF, LiveChannelTest.RODINA, 1)
                                        .get(0)
                                        .state()
                                == CommandState.DONE);

                console.changeSettings(
                        LiveConsoleTest.RODINA_STAFF,
                        LiveChannelTest.RODINA,
                        new ClubSettings(0, List.of(), null, null, true, 5, 15));
                await("the new Room through the second instance")
                        .until(() -> pc.received(Room.class).size() == 2);
                assertTrue(pc.received(Room.class).get(1).settings().queueEnabled());

                try (LivePc moved = LivePc.connect(a.server.port(), enrolled.token())) {
                    await("the second instance closed its older connection").until(() -> pc.closedWith() != null);
                    assertTrue(pc.closedWith().startsWith("4000 "), pc.closedWith());
                    await("the Room from the first")
                            .until(() -> moved.received(Room.class).size() == 1);
                }
                assertEquals(1, pc.received(Command.class).size(), "sent once");
            }
        }
    }

    /** The second collector: {@link SecondCollector} in a JVM of its own, from this test's class path. */
    private static final class OtherProcess implements AutoCloseable {
        final Process process;
        final int port;

        OtherProcess(String databaseUrl, Instant clock, Path log) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            SecondCollector.class.getName(),
                            databaseUrl,
                            clock.toString())
                    .redirectError(log.toFile())
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("port ")) {
                process.destroyForcibly();
                throw new AssertionError("the second collector did not start (see " + log + "): " + line);
            }
            port = Integer.parseInt(line.substring("port ".length()).strip());
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
