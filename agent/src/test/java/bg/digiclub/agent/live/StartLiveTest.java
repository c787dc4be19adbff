package bg.digiclub.agent.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.testsupport.Patience;

/** The live channel as AgentRuntime wires it: only when enabled and a collector is configured. */
class StartLiveTest {
    @TempDir
    Path dir;

    FakeLiveCollector collector;
    LiveRig rig;
    Optional<LiveClient> live = Optional.empty();

    @BeforeEach
    void setUp() throws Exception {
        collector = new FakeLiveCollector();
        rig = new LiveRig(dir, collector.url());
        rig.enrol();
    }

    @AfterEach
    void tearDown() throws Exception {
        live.ifPresent(LiveClient::close);
        rig.close();
        collector.close();
    }

    @Test
    void noChannelWhenDisabledOrWithoutACollector() {
        LiveSettings off = new LiveSettings(
                false,
                LiveSettings.DEFAULT_PING,
                rig.settings.initialBackoff(),
                rig.settings.maxBackoff(),
                rig.settings.stateEvery(),
                rig.settings.coalesce());
        assertEquals(
                Optional.empty(),
                AgentRuntime.startLive(
                        UploadConfig.defaults(collector.url()), off, rig.db, rig.console, () -> {}, rig.clock));
        assertEquals(
                Optional.empty(),
                AgentRuntime.startLive(
                        UploadConfig.defaults(null), rig.settings, rig.db, rig.console, () -> {}, rig.clock));
        assertEquals(List.of(), collector.attempts());
    }

    @Test
    void theWiredChannelConnectsWithTheEnrolmentAndRunsCommands() throws Exception {
        live = AgentRuntime.startLive(
                UploadConfig.defaults(collector.url()),
                rig.settings,
                rig.db,
                rig.console,
                rig.cardSyncs::incrementAndGet,
                rig.clock);
        assertTrue(live.isPresent());
        FakeLiveCollector.Attempt on = collector.awaitOpen(1);
        assertEquals("Bearer " + LiveRig.TOKEN, on.request.getHeaders().get("Authorization"));
        collector.send(on, rig.command(CommandKind.MESSAGE));
        Patience.await("the answer").until(() -> collector.acks().size() == 1);
        assertEquals(1, rig.console.executed().size());
    }
}
