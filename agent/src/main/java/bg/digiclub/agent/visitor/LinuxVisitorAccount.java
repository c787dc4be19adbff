package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's account on Linux, for an agent running as root: programs ended by uid
 * ({@link AccountProcesses}), its removable media unmounted ({@link RemovableMedia}), the whole
 * home reset from a template ({@link HomeReset}), its entries in shared temp directories deleted
 * ({@link SharedTempDirs}), programs started as the account with util-linux {@code setpriv}.
 */
public final class LinuxVisitorAccount implements VisitorAccount {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxVisitorAccount.class);

    /** The only variables a caller may add to a visitor program's environment. */
    static final Set<String> DISPLAY_VARIABLES = Set.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY");

    private static final int MAX_ARGS = 64;
    private static final int MAX_ARG_CHARS = 4096;
    private static final Path DEV_NULL = Path.of("/dev/null");
    private static final String TOOL_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private final PosixAccount account;
    private final Path home;
    private final Environment environment;
    private final AccountProcesses processes;
    private final HomeReset homeReset;
    private final SharedTempDirs tempDirs;
    private final RemovableMedia media;

    /**
     * What a visitor program starts with besides HOME, USER, LOGNAME and the display variables.
     *
     * @param path                the program search path
     * @param lang                the locale
     * @param supplementaryGroups true: the account's groups from the group database ({@code --init-groups},
     *                            e.g. audio); false: none ({@code --clear-groups})
     * @param xauthority          the visitor's untrusted X cookie, XAUTHORITY of every program (it wins over
     *                            a caller's); null: none
     */
    public record Environment(String path, String lang, boolean supplementaryGroups, Path xauthority) {
        public Environment {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(lang, "lang");
        }

        /** Without an X cookie. */
        public Environment(String path, String lang, boolean supplementaryGroups) {
            this(path, lang, supplementaryGroups, null);
        }
    }

    /**
     * @param tempDirs    directories every account may write, whose top-level entries of the visitor go too
     * @param mediaDirs   directories below which the visitor's removable media are mounted (unmounted at reset)
     * @param renameAside false to always delete the home in place (tests of the fallback)
     */
    LinuxVisitorAccount(
            PosixAccount account,
            Path home,
            Path template,
            List<Path> tempDirs,
            List<Path> mediaDirs,
            Environment environment,
            boolean renameAside) {
        this.account = Objects.requireNonNull(account, "account");
        this.home = Objects.requireNonNull(home, "home");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.processes = new AccountProcesses(account);
        this.homeReset = new HomeReset(account, home, template, renameAside);
        this.tempDirs = new SharedTempDirs(account, tempDirs);
        this.media = new RemovableMedia(mediaDirs);
    }

    @Override
    public WipeStepResult endProcesses() {
        try {
            return processes.endAll();
        } catch (RuntimeException e) {
            LOG.error("Ending the programs of {} failed", account.name(), e);
            return new WipeStepResult(PROCESSES_STEP, false, "failed: " + e);
        }
    }

    @Override
    public List<WipeStepResult> reset() {
        List<WipeStepResult> results = new ArrayList<>();
        results.add(endProcesses());
        if (!media.isEmpty()) {
            // after the programs: a program with a file open on the stick would keep it busy
            results.add(unmountMedia());
        }
        // The home goes even when a process is left: its files are then in the holding
        // directory, out of the next visitor's reach, and the failed step above says so.
        results.addAll(homeReset.reset());
        if (!tempDirs.isEmpty()) {
            results.add(tempDirs.clear());
        }
        return results;
    }

    private WipeStepResult unmountMedia() {
        try {
            return media.unmountAll();
        } catch (RuntimeException e) {
            LOG.error("Unmounting the media of {} failed", account.name(), e);
            return new WipeStepResult(RemovableMedia.STEP, false, "failed: " + e);
        }
    }

    /** Deletes what an interrupted reset left; call once at agent start. */
    public CompletableFuture<WipeStepResult> purgeLeftovers() {
        return homeReset.purgeLeftovers();
    }

    /** The background deletion of the last previous home, for the benchmark and tests. */
    CompletableFuture<WipeStepResult> purge() {
        return homeReset.purge();
    }

    @Override
    public void launch(List<String> argv, Map<String, String> displayEnv) throws IOException {
        ProcessBuilder pb = launchCommand(argv, displayEnv);
        if (environment.xauthority() != null && !java.nio.file.Files.isRegularFile(environment.xauthority())) {
            LOG.warn(
                    "The visitor's X cookie {} (visitor.xauthority) is missing: {} cannot open a window"
                            + " (is digiclub-session running?)",
                    environment.xauthority(),
                    argv.get(0));
        }
        Process p = pb.start();
        // Not waited for here: the JVM's reaper thread collects its exit, so no zombie is left.
        p.onExit()
                .thenAccept(done -> LOG.debug(
                        "Visitor program {} (pid {}) exited with {}", argv.get(0), done.pid(), done.exitValue()));
        LOG.info("Started {} as {} (pid {})", argv.get(0), account.name(), p.pid());
    }

    /**
     * {@code setsid setpriv --reuid --regid --init-groups|--clear-groups -- argv}: a new session
     * (no controlling terminal of the agent's to type into), the visitor's ids, a clean environment,
     * the home as working directory, nothing to read, output discarded.
     */
    ProcessBuilder launchCommand(List<String> argv, Map<String, String> displayEnv) {
        checkArgv(argv);
        for (Map.Entry<String, String> e : displayEnv.entrySet()) {
            if (!DISPLAY_VARIABLES.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "not a display variable: " + e.getKey() + " (allowed: " + DISPLAY_VARIABLES + ")");
            }
            checkText("value of " + e.getKey(), e.getValue());
        }
        ProcessBuilder pb = asVisitor(
                        argv,
                        environment.supplementaryGroups(),
                        home,
                        environment.path().isEmpty() ? TOOL_PATH : environment.path(),
                        environment.lang())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.putAll(displayEnv);
        if (environment.xauthority() != null) {
            // only the untrusted cookie: a trusted one would let the program watch the kiosk's keys
            env.put("XAUTHORITY", environment.xauthority().toString());
        }
        return pb;
    }

    /**
     * A tool run as the visitor for the agent (udisks' {@code udisksctl mount}, {@link MediaAutomount}):
     * the same {@code setsid setpriv} and clean environment as a visitor program, but none of the
     * account's supplementary groups, {@code /} as working directory (the home may be between two
     * resets), messages in English (LANG=C, as the log is), stdout and stderr together for the caller
     * to read.
     */
    ProcessBuilder toolCommand(List<String> argv) {
        checkArgv(argv);
        return asVisitor(argv, false, Path.of("/"), TOOL_PATH, "C").redirectErrorStream(true);
    }

    /**
     * {@code setsid setpriv --reuid --regid --init-groups|--clear-groups -- argv} in {@code cwd},
     * nothing to read, with only PATH (where setsid and setpriv are found, and which setpriv's execvp
     * uses for the program), HOME, USER, LOGNAME and LANG in its environment.
     */
    private ProcessBuilder asVisitor(List<String> argv, boolean groups, Path cwd, String path, String lang) {
        List<String> command = new ArrayList<>(List.of(
                "setsid",
                "setpriv",
                "--reuid=" + account.uid(),
                "--regid=" + account.gid(),
                groups ? "--init-groups" : "--clear-groups",
                "--"));
        command.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL.toFile()));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("USER", account.name());
        env.put("LOGNAME", account.name());
        env.put("LANG", lang);
        return pb;
    }

    private static void checkArgv(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("nothing to start: empty argv");
        }
        if (argv.size() > MAX_ARGS) {
            throw new IllegalArgumentException("too many arguments: " + argv.size() + " (at most " + MAX_ARGS + ")");
        }
        for (String arg : argv) {
            checkText("argument", arg);
        }
        if (argv.get(0).isEmpty() || argv.get(0).startsWith("-")) {
            throw new IllegalArgumentException("not a program: '" + argv.get(0) + "'");
        }
    }

    private static void checkText(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.length() > MAX_ARG_CHARS) {
            throw new IllegalArgumentException(what + " longer than " + MAX_ARG_CHARS + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
    }

    PosixAccount account() {
        return account;
    }

    @Override
    public String toString() {
        return "account " + account.name() + " (uid " + account.uid() + "), home " + home;
    }
}
