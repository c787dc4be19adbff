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

    private final ClubAccounts.Account visitor;
    private final String marker = "DIGICLUB_ATTACK_MARK=" + UUID.randomUUID();
    private final List<Process> started = new ArrayList<>();

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
        ProcessBuilder pb = ClubAccounts.builderAs(visitor, command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(marker.substring(0, marker.indexOf('=')), marker.substring(marker.indexOf('=') + 1));
        Process p = pb.start();
        p.getOutputStream().close();
        started.add(p);
    }

    /**
     * Waits until at least {@code count} of this test's programs run (they start through
     * setpriv and a shell, which on a loaded machine takes seconds) and returns their pids.
     */
    List<Long> awaitRunning(int count) {
        return await("at least " + count + " of the test's visitor programs running")
                .until(this::alive, pids -> pids.size() >= count);
    }

    /** The pids of this test's visitor programs alive now (zombies do not count: they run nothing). */
    List<Long> alive() throws IOException {
        List<Long> pids = new ArrayList<>();
        byte[] mark = marker.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    byte[] environ = Files.readAllBytes(proc.resolve("environ"));
                    String status = Files.readString(proc.resolve("status"));
                    if (contains(environ, mark) && !status.contains("State:\tZ")) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // gone while we looked
                }
            }
        }
        return pids;
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

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
