package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The visitor's account against the running agent: nothing of the agent can be read, listed or
 * reached from {@code digiclub-visitor} (issue 9, "the visitor's account reads the agent's whole
 * database").
 */
@Tag(ClubAccounts.TAG)
class VisitorAccountTest {
    @TempDir
    Path dir;

    AgentUnderAttack agent;
    ClubAccounts.Account visitor;

    @BeforeEach
    void startAgent() throws Exception {
        visitor = ClubAccounts.visitor();
        agent = new AgentUnderAttack(dir, List.of()).start();
    }

    @AfterEach
    void stopAgent() throws Exception {
        agent.close();
    }

    /**
     * Every file and directory under the agent's data and log dirs, as the visitor: no file can
     * be read, no directory listed. The agent was started with umask 022, as systemd starts it.
     *
     * <p>Needs the fix "private files" (umask 077 in code, data and log dirs 0700; branch
     * {@code files}). Fails on today's main: the data dir is 0755 and {@code agent.db}, its
     * {@code -wal}, {@code agent.log} are 0644.
     */
    @Test
    void visitorCannotReadAnythingOfTheAgent() throws Exception {
        // the first health round writes status.json: then every kind of file the agent keeps exists
        agent.awaitCondition("the agent's first status.json", () -> Files.exists(agent.dataDir.resolve("status.json")));
        List<String> paths = new ArrayList<>();
        for (Path root : List.of(agent.dataDir, agent.logDir)) {
            try (Stream<Path> all = Files.walk(root)) {
                all.forEach(p -> paths.add(p.toString()));
            }
        }
        assertTrue(
                paths.contains(agent.database.toString())
                        && paths.contains(agent.logDir.resolve("agent.log").toString()),
                "the agent has made its database and log, so there is something to protect: " + paths);

        // for each path: a file is read with cat, a directory listed with ls; each success is printed
        String script = "for p in \"$@\"; do"
                + " if [ -d \"$p\" ]; then ls -a \"$p\" >/dev/null 2>&1 && echo \"LISTED $p\";"
                + " else cat \"$p\" >/dev/null 2>&1 && echo \"READ $p\"; fi;"
                + " done; exit 0";
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        command.addAll(paths);
        ClubAccounts.Result asVisitor = ClubAccounts.run(ClubAccounts.as(visitor, command));
        assertEquals(0, asVisitor.exit(), asVisitor.output());
        assertTrue(
                asVisitor.output().isBlank(),
                "the visitor read or listed these of the agent's " + paths.size() + " paths:\n" + asVisitor.output());

        // what a visitor would try first: search the agent's directories from their top
        ClubAccounts.Result find = ClubAccounts.runAs(
                visitor, "find", agent.dataDir.toString(), agent.logDir.toString(), "-type", "f", "-readable");
        assertEquals(
                "",
                find.output()
                        .lines()
                        .filter(l -> !l.contains("Permission denied"))
                        .reduce("", String::concat),
                "find as the visitor found readable files: " + find.output());
    }

    /**
     * The visitor tries to kill, stop or look into the kiosk (a process of {@code digiclub-kiosk},
     * here the kiosk's link relay) and the agent: every signal is refused, and their environment
     * and memory (which {@code ptrace} rights would open) cannot be read.
     *
     * <p>Holds on today's main too, given the accounts of issue 9 (today the kiosk runs as the
     * visitor, which is the hole): a guard that the kiosk never again runs as the visitor.
     */
    @Test
    void visitorCannotSignalOrTraceTheKioskOrTheAgent() throws Exception {
        try (KioskLine kiosk = KioskLine.open(ClubAccounts.kiosk(), agent.socket, dir)) {
            assertTrue(kiosk.connected(), kiosk.greeting());
            for (long pid : List.of(kiosk.pid(), agent.pid())) {
                String script =
                        "for s in KILL STOP TERM; do kill -s $s " + pid + " 2>/dev/null && echo \"SIGNALLED $s\"; done;"
                                + " cat /proc/" + pid + "/environ >/dev/null 2>&1 && echo READ-ENVIRON;"
                                + " head -c 1 /proc/" + pid + "/mem >/dev/null 2>&1 && echo READ-MEM; exit 0";
                ClubAccounts.Result r = ClubAccounts.runAs(visitor, "sh", "-c", script);
                assertTrue(r.output().isBlank(), "the visitor reached process " + pid + ":\n" + r.output());
            }
            assertTrue(agent.alive(), "the agent still runs");
            assertTrue(SessionWire.ok(kiosk.call(SessionWire.OPEN, null)), "the kiosk still runs and is served");
        }
    }

    /**
     * The visitor connects to the agent's socket: refused by the file system (the socket's
     * directory is {@code root:digiclub-kiosk} 0750), before the agent sees anything.
     *
     * <p>Holds on today's main too, given the accounts of issue 9 (today the kiosk runs as the
     * visitor, which is the hole): a guard that the model's socket permissions stay.
     */
    @Test
    void visitorCannotConnectToTheAgentSocket() throws Exception {
        try (KioskLine line = KioskLine.open(visitor, agent.socket, dir)) {
            assertFalse(line.connected(), "the visitor's account reached the agent's socket");
            assertTrue(line.greeting().contains("Permission denied"), line.greeting());
        }
        ClubAccounts.Result list =
                ClubAccounts.runAs(visitor, "ls", agent.socket.getParent().toString());
        assertTrue(list.exit() != 0, "the visitor listed the socket's directory: " + list.output());
    }
}
