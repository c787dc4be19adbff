package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.cli.AgentProcesses.Result;
import bg.digiclub.agent.member.LockoutPolicy;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.member.TrivialPins;
import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.support.secret.SlowHash;

/** The agent's command line as an operator uses it: real child JVMs, a real data directory. */
class AgentProcessTest {
    @TempDir
    Path dataDir;

    private final AgentProcesses agents = new AgentProcesses();

    @AfterEach
    void stopAll() {
        agents.stopAll();
    }

    private Process agent(String... args) throws IOException {
        return agents.start(args);
    }

    private Result finish(Process p) throws Exception {
        return agents.finish(p);
    }

    /** Waits until the running agent has published its first report. */
    private void awaitStatusFile(Process runner) {
        new StatusRounds(runner, dataDir).awaitFirst();
    }

    @Test
    void statusReadsTheRunningAgentAndSamplesAloneOtherwise() throws Exception {
        Result alone = finish(agent("status", "--data-dir", dataDir.toString()));
        assertEquals(0, alone.exit(), alone.output());
        assertTrue(alone.output().contains("sampled now"), alone.output());
        assertTrue(alone.output().contains("disk:/"), alone.output());

        Process runner = agent("run", "--data-dir", dataDir.toString(), "--interval", "1");
        awaitStatusFile(runner);
        Result fromService = finish(agent("status", "--data-dir", dataDir.toString()));
        assertTrue(fromService.output().contains("from the running agent"), fromService.output());
        Result json = finish(agent("status", "--json", "--data-dir", dataDir.toString()));
        assertTrue(json.output().contains("\"overall\""), json.output());

        Result second = finish(agent("run", "--data-dir", dataDir.toString()));
        assertEquals(1, second.exit(), "a second agent on the same data must refuse: " + second.output());
        assertTrue(second.output().contains("already running"), second.output());

        runner.destroyForcibly().waitFor();
        Process again = agent("run", "--data-dir", dataDir.toString(), "--interval", "1");
        Files.delete(dataDir.resolve(StatusFile.FILE_NAME));
        awaitStatusFile(again);
        Result history = finish(agent("history", "--check", "disk:/", "--days", "1", "--data-dir", dataDir.toString()));
        assertEquals(0, history.exit(), history.output());
        assertTrue(
                history.output().matches("(?s).*disk:/ \\(fs\\./\\.free_pct\\), last 1 day\\(s\\): [1-9]\\d* point.*"),
                history.output());
    }

    @Test
    void liveRunPrintsTheHealthLineEveryRoundAServiceOnlyWhenTheOverallStatusChanges() throws Exception {
        String live = runForRounds("--live");
        String service = runForRounds();
        long liveLines = count(live, " health - ");
        assertTrue(liveLines >= 4, "a health line every round (about 6 rounds): " + live);
        assertTrue(liveLines > count(live, " overall: "), live);
        assertEquals(
                count(service, " overall: "),
                count(service, " health - "),
                "a service writes the line only with a change of the overall status (first UNKNOWN -> ...): "
                        + service);
        assertTrue(count(service, " overall: ") >= 1, service);
    }

    /** Output of {@code agent run} sampling every second for about 6 s, stopped with SIGTERM. */
    private String runForRounds(String... extra) throws Exception {
        Path data = Files.createTempDirectory(dataDir, "run");
        List<String> args = new ArrayList<>(List.of("run", "--data-dir", data.toString(), "--interval", "1"));
        args.addAll(List.of(extra));
        Process runner = agent(args.toArray(new String[0]));
        StatusRounds rounds = new StatusRounds(runner, data);
        rounds.awaitFirst();
        rounds.awaitMore(5);
        runner.toHandle().destroy(); // SIGTERM, leaving the output stream open to read (Process.destroy closes it)
        return finish(runner).output();
    }

    private static long count(String output, String marker) {
        return output.lines().filter(l -> l.contains(marker)).count();
    }

    private Result staffPin(String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("staff-pin", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        Process p = agent(all.toArray(String[]::new));
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return finish(p);
    }

    @Test
    void staffPinRefusesTrivialPinsAndTheDemoPinAndRootLiftsALockout() throws Exception {
        Result trivial = staffPin("123456", "--stdin");
        assertEquals(2, trivial.exit(), trivial.output());
        assertTrue(trivial.output().contains("run of digits"), trivial.output());
        Result demo = staffPin(TrivialPins.QUICK_START_DEMO_PIN, "--stdin");
        assertEquals(2, demo.exit(), demo.output());
        assertTrue(demo.output().contains("demo PIN"), demo.output());
        Result noPin = staffPin(null, "--unlock");
        assertEquals(2, noPin.exit(), noPin.output());

        Result set = staffPin(TrivialPins.QUICK_START_DEMO_PIN, "--stdin", "--demo");
        assertEquals(0, set.exit(), set.output());

        // a visitor locks staff out at the kiosk ...
        Clock clock = Clock.systemUTC();
        try (Database db = new DatabaseOpener(dataDir, clock).open()) {
            StaffPin pin = new StaffPin(db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.STAFF, clock);
            for (int i = 0; i < 10; i++) {
                pin.check("902718".toCharArray());
            }
            assertEquals(
                    StaffPin.Outcome.LOCKED,
                    pin.check(TrivialPins.QUICK_START_DEMO_PIN.toCharArray()).outcome());
        }
        // ... and root on the PC lets staff in again, keeping the PIN
        Result unlock = staffPin(null, "--unlock");
        assertEquals(0, unlock.exit(), unlock.output());
        assertTrue(unlock.output().contains("staff lockout lifted"), unlock.output());
        try (Database db = new DatabaseOpener(dataDir, clock).open()) {
            StaffPin pin = new StaffPin(db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.STAFF, clock);
            assertEquals(
                    StaffPin.Outcome.OK,
                    pin.check(TrivialPins.QUICK_START_DEMO_PIN.toCharArray()).outcome());
        }
    }

    @Test
    void badConfigurationStopsStartUpNamingFileAndKey() throws Exception {
        Path config = dataDir.resolve("agent.properties");
        Files.writeString(config, "health.memory.warn = lots\n");
        Result r = finish(agent("run", "--config", config.toString(), "--data-dir", dataDir.toString()));
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains(config.toString()) && r.output().contains("'health.memory.warn'"), r.output());
        assertTrue(!Files.exists(dataDir.resolve("agent.db")), "nothing is started on a bad configuration");
    }
}
