package bg.digiclub.systemtest.attack;

import static bg.digiclub.testsupport.Patience.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Programs a visitor leaves running, started as {@code digiclub-visitor} by the test. Each
 * carries a marker in its environment, which its children inherit however they fork, double
 * fork or change session: so the test finds exactly its own processes by scanning
 * {@code /proc} (as root), without touching anything else of the visitor's account that
 * another test on this machine may have running.
 *
 * <p>A program is started through {@code setpriv}, which runs as root until it switches to the
 * visitor: a start returns only once every process of the program is the visitor's. Before
 * that, the agent's sweep ({@code kill -KILL -1} as the visitor) cannot reach it, and the
 * program would become the visitor's after the sweep, as if it had survived it.
 */
final class VisitorPrograms implements AutoCloseable {
    /**
     * Forks every 10 ms and exits in the parent, so its pid changes a hundred times a second;
     * ignores SIGTERM. Beats any sweep that lists pids and then signals them.
     */
    static final String PID_HOPPER = "import os, signal, time\n"
            + "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
            + "while True:\n"
            + "    time.sleep(0.01)\n"
            + "    if os.fork() > 0:\n"
            + "        os._exit(0)\n";

    private static final String MARK = "DIGICLUB_ATTACK_MARK";

    private final ClubAccounts.Account visitor;
    /** This object's programs' marker value; each program adds its number ({@code <run>/<n>}). */
    private final String run = UUID.randomUUID().toString();

    private final List<Process> started = new ArrayList<>();

    /** A live process of this object's programs: its pid, real uid and the program's marker value. */
    private record Marked(long pid, int uid, String program) {}

    VisitorPrograms(ClubAccounts.Account visitor) {
        this.visitor = visitor;
    }

    /** The pid-hopper above, in a session of its own. */
    void startPidHopper() throws IOException {
        start(List.of("setsid", "/usr/bin/python3", "-c", PID_HOPPER));
    }

    /** A program that ignores SIGTERM and one that double-forks into a new session (a "daemon"). */
    void startStubbornOnes() throws IOException {
        start(List.of("sh", "-c", "trap '' TERM; while :; do sleep 1; done"));
        start(List.of("sh", "-c", "setsid sh -c 'exec sleep 100000' </dev/null >/dev/null 2>&1 & exit 0"));
    }

    private void start(List<String> command) throws IOException {
        String program = run + "/" + (started.size() + 1);
        ProcessBuilder pb = ClubAccounts.builderAs(visitor, command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(MARK, program);
        Process p = pb.start();
        p.getOutputStream().close();
        started.add(p);
        await("program " + command + " runs as " + visitor.name() + ", none of it still root in setpriv")
                .until(() -> runsAsVisitor(program));
    }

    private boolean runsAsVisitor(String program) throws IOException {
        List<Marked> its =
                marked().stream().filter(m -> m.program().equals(program)).toList();
        return !its.isEmpty() && its.stream().allMatch(m -> m.uid() == visitor.uid());
    }

    /**
     * Waits until at least {@code count} processes of this test's programs run (a start waits
     * for its program to be the visitor's; a program may be more than one process) and returns
     * their pids.
     */
    List<Long> awaitRunning(int count) {
        return await("at least " + count + " of the test's visitor programs running")
                .until(this::alive, pids -> pids.size() >= count);
    }

    /**
     * The pids of this test's programs alive now, whichever account they run as (zombies do not
     * count: they run nothing).
     */
    List<Long> alive() throws IOException {
        return marked().stream().map(Marked::pid).toList();
    }

    private List<Marked> marked() throws IOException {
        List<Marked> found = new ArrayList<>();
        byte[] mark = (MARK + "=" + run + "/").getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    byte[] environ = Files.readAllBytes(proc.resolve("environ"));
                    String status = Files.readString(proc.resolve("status"));
                    int at = indexOf(environ, mark);
                    if (at >= 0 && !status.contains("State:\tZ")) {
                        found.add(new Marked(Long.parseLong(name), realUid(status), valueAt(environ, at)));
                    }
                } catch (IOException e) {
                    // gone while we looked
                }
            }
        }
        return found;
    }

    /** Kills this test's programs by pid until none is left (bounded: the hopper may fork once more). */
    @Override
    public void close() throws Exception {
        for (int round = 0; round < 200; round++) {
            List<Long> pids = alive();
            if (pids.isEmpty()) {
                break;
            }
            List<String> kill = new ArrayList<>(List.of("kill", "-KILL"));
            pids.forEach(p -> kill.add(Long.toString(p)));
            ClubAccounts.run(kill);
        }
        for (Process p : started) {
            p.destroyForcibly();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The marker's value at {@code at} (its {@code NAME=} there), up to the environment entry's end. */
    private static String valueAt(byte[] environ, int at) {
        int start = at + MARK.length() + 1;
        int end = start;
        while (end < environ.length && environ[end] != 0) {
            end++;
        }
        return new String(environ, start, end - start, StandardCharsets.US_ASCII);
    }

    /** The real uid in {@code /proc/<pid>/status} ({@code Uid: real effective saved fs}). */
    private static int realUid(String status) {
        return status.lines()
                .filter(line -> line.startsWith("Uid:"))
                .map(line -> Integer.parseInt(line.substring(4).strip().split("\\s+")[0]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Uid line in " + status));
    }
}
