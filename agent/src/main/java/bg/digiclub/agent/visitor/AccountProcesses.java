package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;

/**
 * Ends every process of one account by the account, not by pid: {@code kill -KILL -1} run as that
 * uid (util-linux {@code setpriv}) signals, in one pass of the kernel over the process table, every
 * process the account may signal (its own, and set-uid programs it started), except the
 * {@code kill} itself. Nothing is looked up by pid, so a program that forks every few milliseconds,
 * or double-forks away from its parent, is caught with the rest: a process being killed cannot
 * fork any more. The pass is repeated until {@code /proc} shows none of the account's processes
 * (a process mid-exit, or one started by someone else meanwhile), a bounded number of times.
 *
 * <p>Zombies (ended, not yet reaped by their parent) are not counted: they run no code and hold no
 * files; on a machine whose pid 1 does not reap orphans they would otherwise never go.
 */
final class AccountProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(AccountProcesses.class);

    /** kill passes before giving up; each is followed by up to {@link #POLLS} looks at /proc. */
    static final int ROUNDS = 20;

    private static final int POLLS = 10;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** The programs below are looked up here only, never in the agent's own PATH. */
    private static final String TOOL_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private final PosixAccount account;
    private final Path proc;

    AccountProcesses(PosixAccount account) {
        this(account, Path.of("/proc"));
    }

    AccountProcesses(PosixAccount account, Path proc) {
        this.account = account;
        this.proc = proc;
    }

    /** Ends them all; the result says how many there were, or how many are left. One caller at a time. */
    synchronized WipeStepResult endAll() {
        long start = System.nanoTime();
        int before;
        try {
            before = count();
        } catch (IOException e) {
            return failed("cannot read " + proc + ": " + Tally.reason(e));
        }
        if (before == 0) {
            return new WipeStepResult(
                    VisitorAccount.PROCESSES_STEP, true, "no programs of " + account.name() + " were running");
        }
        int left = before;
        String killProblem = null;
        for (int round = 1; round <= ROUNDS; round++) {
            try {
                killAllAsAccount();
            } catch (IOException e) {
                killProblem = Tally.reason(e);
                LOG.warn("kill -KILL -1 as {} failed: {}", account.name(), killProblem);
            }
            try {
                left = countAfterKill();
            } catch (IOException e) {
                return failed("cannot read " + proc + ": " + Tally.reason(e));
            }
            if (left == 0) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.info("Ended {} programs of {} in {} round(s), {} ms", before, account.name(), round, ms);
                return new WipeStepResult(
                        VisitorAccount.PROCESSES_STEP,
                        true,
                        "ended " + before + (before == 1 ? " program" : " programs") + " of " + account.name());
            }
        }
        String why = killProblem == null ? "" : " (kill: " + killProblem + ")";
        LOG.error(
                "{} process(es) of {} still running after {} rounds of kill -KILL -1{}",
                left,
                account.name(),
                ROUNDS,
                why);
        return failed(left + (left == 1 ? " process" : " processes") + " of " + account.name() + " still running after "
                + ROUNDS + " rounds of kill -KILL -1" + why);
    }

    private WipeStepResult failed(String detail) {
        return new WipeStepResult(VisitorAccount.PROCESSES_STEP, false, detail);
    }

    /** Looks at /proc a few times: SIGKILLed processes take a moment to finish exiting. */
    private int countAfterKill() throws IOException {
        int left = count();
        for (int i = 0; i < POLLS && left > 0; i++) {
            LockSupport.parkNanos(POLL_NANOS);
            left = count();
        }
        return left;
    }

    private void killAllAsAccount() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                        "setpriv",
                        "--reuid=" + account.uid(),
                        "--regid=" + account.gid(),
                        "--clear-groups",
                        "--",
                        "kill",
                        "-KILL",
                        "--",
                        "-1")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", TOOL_PATH);
        Process p = pb.start();
        try {
            // kill exits 1 when there was nothing it could signal; only a missing tool is a problem
            int rc = p.waitFor();
            if (rc == 127 || rc == 126) {
                throw new IOException("setpriv or kill not found (exit " + rc + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Processes of the account now: real or saved uid is the account's (what kill as it can reach), zombies not counted. */
    int count() throws IOException {
        int n = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, AccountProcesses::isPid)) {
            for (Path pid : pids) {
                List<String> status;
                try {
                    status = Files.readAllLines(pid.resolve("status"));
                } catch (NoSuchFileException e) {
                    continue; // exited meanwhile
                } catch (IOException e) {
                    if (!Files.exists(pid)) {
                        continue;
                    }
                    throw e;
                }
                if (isLiveProcessOf(status, account.uid())) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isPid(Path p) {
        String name = p.getFileName().toString();
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /**
     * Parses {@code /proc/<pid>/status}: true when the process runs (state not Z or X) and its real
     * or saved uid is {@code uid}.
     */
    static boolean isLiveProcessOf(List<String> status, int uid) {
        boolean dead = false;
        boolean ours = false;
        for (String line : status) {
            if (line.startsWith("State:")) {
                String state = line.substring(6).strip();
                dead = state.startsWith("Z") || state.startsWith("X");
            } else if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).strip().split("\\s+");
                // real, effective, saved, file system
                ours = ids.length >= 3
                        && (ids[0].equals(Integer.toString(uid)) || ids[2].equals(Integer.toString(uid)));
            }
        }
        return ours && !dead;
    }
}
