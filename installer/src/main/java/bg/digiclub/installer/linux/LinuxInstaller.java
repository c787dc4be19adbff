package bg.digiclub.installer.linux;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import bg.digiclub.common.batch.EnrolmentCode;

/**
 * Install, upgrade and uninstall on Linux, as named steps recorded in a {@link Journal}: a step
 * that fails undoes every change made so far and the error names the step and why. Every step
 * leaves alone what is already as wanted, so installing twice changes nothing.
 */
public final class LinuxInstaller {
    /**
     * What {@code install} was given; {@code nightlyReboot} empty: keep the PC's choice as it is;
     * {@code staffPinFile} empty: the staff PIN is left as it is.
     */
    public record InstallOptions(
            Path root,
            Path from,
            String collector,
            Path enrolCodeFile,
            Optional<Path> config,
            Optional<Path> staffPinFile,
            Optional<NightlyReboot.Choice> nightlyReboot) {}

    /** The keys of agent.properties the install decides (the rest come from --config). */
    static Map<String, String> installerKeys(String collector) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("data-dir", Layout.DATA);
        keys.put("log-dir", Layout.LOGS);
        keys.put("link.socket", Layout.SOCKET);
        keys.put("link.socket-group", Accounts.KIOSK);
        keys.put("link.allowed-users", Accounts.KIOSK);
        keys.put("link.kiosk-user", Accounts.KIOSK);
        // where an enrolment the install could not finish waits: the agent enrols by itself, then deletes it
        keys.put("upload.enrol-code-file", Layout.ENROL_CODE);
        keys.put("visitor.account", Accounts.VISITOR);
        keys.put("visitor.xauthority", Layout.VISITOR_XAUTHORITY);
        keys.put("upload.url", collector);
        return keys;
    }

    private final PrintStream out;

    public LinuxInstaller(PrintStream out) {
        this.out = out;
    }

    /** Lays out everything; a failure undoes it all and is thrown naming the step. */
    public void install(InstallOptions o) throws InstallException {
        Target target = new Target(o.root());
        Journal journal = new Journal();
        Tree tree = new Tree(target, journal);
        try {
            journal.step("check");
            checkRunningAsRoot();
            checkCollector(o.collector());
            String code = readCode(o.enrolCodeFile());
            Optional<String> staffPin = o.staffPinFile().isPresent()
                    ? Optional.of(readPrivateFirstLine(o.staffPinFile().get(), "--staff-pin-file"))
                    : Optional.empty();
            Programs programs = Programs.find(o.from());
            byte[] agentProperties = agentProperties(
                    o.collector(), o.config(), Files.isDirectory(target.resolve(NODE_EXPORTER_TEXTFILES)));
            Payload payload = Payload.ofResources();

            layOut(
                    tree,
                    journal,
                    programs,
                    payload,
                    () -> tree.file(Layout.AGENT_PROPERTIES, agentProperties, 0600, "root", "root"));
            lockdown(tree, journal, o.nightlyReboot());
            journal.step("enrolment");
            enrol(tree, code);
            journal.step("staff PIN");
            staffPin(tree, staffPin);
            journal.step("start");
            // restarted only when something changed: installing again changes nothing, the running agent too
            systemctl(target, journal.changes().isEmpty() ? "start" : "restart", Layout.UNIT_NAME);
        } catch (Exception e) {
            throw failed(journal, e);
        }
        journal.commit();
        out.println("installed into " + target.root()
                + (journal.changes().isEmpty()
                        ? ": nothing to change, everything was already in place"
                        : ": " + journal.changes().size() + " changes"));
    }

    /**
     * The steps install and upgrade share, in order: accounts, directories, program files, payload,
     * the agent's configuration ({@code agentConfiguration}: written by install, kept by upgrade),
     * homes, the service, the class-data archives.
     */
    private void layOut(Tree tree, Journal journal, Programs programs, Payload payload, Step agentConfiguration)
            throws Exception {
        Target target = tree.target();
        journal.step("accounts");
        Accounts accounts = new Accounts(target, journal);
        accounts.ensure();
        if (accounts.ensureMetricsReaders()) {
            // node_exporter has its groups from its start: restarted (if it runs) to read the agent's file
            systemctl(target, "try-restart", NODE_EXPORTER_UNIT);
            out.println(Accounts.NODE_EXPORTER + " (node_exporter) may now read the agent's metrics: group "
                    + Accounts.METRICS);
        }
        journal.step("directories");
        directories(tree);
        journal.step("program files");
        programs.layOut(tree);
        journal.step("payload");
        payload(tree, payload);
        journal.step("agent configuration");
        agentConfiguration.run();
        journal.step("homes");
        homes(tree);
        journal.step("service");
        enable(tree, payload);
        systemctl(target, "daemon-reload");
        journal.step("class-data archives");
        new ClassDataArchives(out).record(tree);
    }

    /**
     * The lockdown's steps besides its payload files: the visitor home's tmpfs unit (which the
     * agent's unit requires: started with the agent in the step "start"), and the nightly restart
     * as asked (nothing when not asked); on this PC, systemd is told at once.
     */
    private void lockdown(Tree tree, Journal journal, Optional<NightlyReboot.Choice> choice) throws Exception {
        journal.step("visitor home tmpfs");
        if (VisitorHomeMount.layOut(tree, journal)) {
            systemctl(tree.target(), "daemon-reload");
        }
        journal.step("nightly reboot");
        if (NightlyReboot.apply(tree, journal, choice)) {
            systemctl(tree.target(), "daemon-reload");
            systemctl(tree.target(), NightlyReboot.systemctlAfter(choice.get()).toArray(String[]::new));
        }
        choice.ifPresent(c -> out.println("nightly restart: " + c));
    }

    /** One step's own work. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * New program files and units; configuration, data, accounts and enrolment are kept; the
     * nightly restart set as asked (empty: kept as it is).
     */
    public void upgrade(Path root, Path from, Optional<NightlyReboot.Choice> nightlyReboot) throws InstallException {
        Target target = new Target(root);
        Journal journal = new Journal();
        Tree tree = new Tree(target, journal);
        try {
            journal.step("check");
            checkRunningAsRoot();
            if (!Files.exists(target.resolve(Layout.AGENT_PROPERTIES))) {
                throw new IOException(
                        "no " + target.resolve(Layout.AGENT_PROPERTIES) + ": nothing to upgrade; use install");
            }
            Programs programs = Programs.find(from);
            Payload payload = Payload.ofResources();
            // the configuration is kept as it is; only its mode and owner are put right
            layOut(
                    tree,
                    journal,
                    programs,
                    payload,
                    () -> tree.attributes(target.resolve(Layout.AGENT_PROPERTIES), 0600, 0, 0));
            lockdown(tree, journal, nightlyReboot);
            journal.step("start");
            systemctl(target, "restart", Layout.UNIT_NAME);
        } catch (Exception e) {
            throw failed(journal, e);
        }
        journal.commit();
        out.println("upgraded " + target.root() + ": " + journal.changes().size()
                + " changes; configuration and data kept");
    }

    /**
     * Removes everything but the agent's data and logs; with purge those too, and the accounts.
     * Not journaled: it goes on past what it cannot remove and answers those.
     */
    public List<String> uninstall(Path root, boolean purge) throws InstallException {
        Target target = new Target(root);
        List<String> problems = new ArrayList<>();
        try {
            checkRunningAsRoot();
        } catch (IOException e) {
            throw new InstallException(e.getMessage());
        }
        if (target.isLiveSystem()) {
            try {
                // every unit the install enabled (a part's session unit too), so that no process of
                // the accounts is left when --purge removes them
                List<String> args = new ArrayList<>(List.of("disable", "--now"));
                Payload.ofResources().enableLinks().values().stream()
                        .distinct()
                        .map(u -> u.substring(u.lastIndexOf('/') + 1))
                        .forEach(args::add);
                systemctl(target, args.toArray(String[]::new));
            } catch (IOException | InterruptedException e) {
                problems.add("stopping the units: " + e.getMessage());
            }
            // not enabled by links of their own: the timer only when asked, the home's tmpfs by the agent's unit;
            // stopped only while their files are there (systemctl refuses to stop a unit it cannot load)
            List<String> stop = new ArrayList<>(List.of("stop"));
            for (String unit : List.of(NightlyReboot.TIMER, VisitorHomeMount.UNIT)) {
                if (Files.isRegularFile(target.resolve(unit))) {
                    stop.add(unit.substring(unit.lastIndexOf('/') + 1));
                }
            }
            try {
                if (stop.size() > 1) {
                    systemctl(target, stop.toArray(String[]::new));
                }
            } catch (IOException | InterruptedException e) {
                problems.add("stopping the nightly restart and the visitor's home tmpfs: " + e.getMessage());
            }
        }
        List<String> paths = new ArrayList<>(List.of(
                Layout.OPT,
                Layout.ETC,
                Accounts.KIOSK_HOME,
                Accounts.VISITOR_HOME,
                "/home/." + Path.of(Accounts.VISITOR_HOME).getFileName() + ".reset"));
        try {
            Payload payload = Payload.ofResources();
            paths.addAll(payload.enableLinks().keySet());
            paths.addAll(NightlyReboot.uninstallPaths());
            paths.add(VisitorHomeMount.UNIT);
            for (Payload.Entry e : payload.entries()) {
                if (!e.isDirectory()) {
                    paths.add(e.target());
                }
            }
        } catch (IOException e) {
            problems.add("reading the payload: " + e.getMessage());
        }
        if (purge) {
            paths.add(Layout.DATA);
            paths.add(Layout.LOGS);
        }
        for (String p : paths) {
            try {
                deleteTree(target.resolve(p));
            } catch (IOException e) {
                problems.add("removing " + p + ": " + e.getMessage());
            }
        }
        if (target.isLiveSystem()) {
            try {
                systemctl(target, "daemon-reload");
            } catch (IOException | InterruptedException e) {
                problems.add("systemctl daemon-reload: " + e.getMessage());
            }
        }
        if (purge) {
            try {
                new Accounts(target, new Journal()).remove();
            } catch (IOException | InterruptedException e) {
                problems.add("removing the accounts: " + e.getMessage());
            }
        }
        return problems;
    }

    private InstallException failed(Journal journal, Exception e) {
        String step = journal.currentStep();
        int made = journal.changes().size();
        List<String> notUndone = journal.undoAll();
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        StringBuilder msg = new StringBuilder("step \"" + step + "\" failed: " + why + "\n");
        msg.append(made == 0 ? "nothing had been changed" : "undone: the " + made + " changes made before it");
        for (String n : notUndone) {
            msg.append("\nNOT undone: ").append(n);
        }
        return new InstallException(msg.toString(), e);
    }

    static void checkRunningAsRoot() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IOException("the installer must run as root (sudo digiclub-installer ...)");
        }
    }

    static void checkCollector(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("--collector " + url + " is not a URL: " + e.getMessage());
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local)) {
            throw new IOException("--collector " + url + " must be https:// (http:// only for localhost)");
        }
    }

    static String readCode(Path file) throws IOException {
        String line = readPrivateFirstLine(file, "--enrol-code-file");
        try {
            // refused now, not kept for an agent that would try it in vain
            return EnrolmentCode.normalize(line);
        } catch (IllegalArgumentException e) {
            throw new IOException("the first line of " + file + " is not an enrolment code: " + e.getMessage());
        }
    }

    /** The first line of a secret's file, which no other account may read. */
    static String readPrivateFirstLine(Path file, String option) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(option + " " + file + " is not a file");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.GROUP_READ)) {
            throw new IOException(option + " " + file + " is readable by other accounts; chmod 600 " + file);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException("nothing on the first line of " + file + " (" + option + ")");
        }
        return lines.get(0).strip();
    }

    /**
     * node_exporter's textfile directory on Debian (package {@code prometheus-node-exporter}): when
     * it is there at install, the agent writes its metrics into it (docs/operations.md).
     */
    static final String NODE_EXPORTER_TEXTFILES = "/var/lib/prometheus/node-exporter";

    /** Debian's node_exporter unit (package {@code prometheus-node-exporter}). */
    static final String NODE_EXPORTER_UNIT = "prometheus-node-exporter.service";

    private static final String TEXTFILE_KEY = "metrics.textfile-dir";

    /**
     * The installer's keys, then every other key of --config in its order (an installer key there is
     * overridden); then, when node_exporter's textfile directory exists ({@code nodeExporter}) and
     * --config does not choose, {@code metrics.textfile-dir} pointing at it. That key is a default,
     * not the install's: verify does not hold it, and the operator may change or remove it.
     */
    static byte[] agentProperties(String collector, Optional<Path> config, boolean nodeExporter) throws IOException {
        Map<String, String> mine = installerKeys(collector);
        StringBuilder s = new StringBuilder();
        s.append("# DigiClub agent settings on this club PC, written by digiclub-installer.\n");
        s.append("# Every key, its meaning and default: agent.example.properties in the DigiClub sources.\n");
        s.append("# The keys below this line are the install's; `digiclub-installer verify` checks them.\n");
        mine.forEach((k, v) -> s.append(k).append(" = ").append(escape(v)).append('\n'));
        OrderedProperties given = new OrderedProperties();
        if (config.isPresent()) {
            given.load(new StringReader(Files.readString(config.get(), StandardCharsets.UTF_8)));
            s.append("\n# From ")
                    .append(config.get().toAbsolutePath().normalize())
                    .append(" (--config):\n");
            for (String k : given.order) {
                if (mine.containsKey(k)) {
                    s.append("# ").append(k).append(" is the install's (above)\n");
                } else {
                    s.append(k)
                            .append(" = ")
                            .append(escape(given.getProperty(k)))
                            .append('\n');
                }
            }
        }
        if (nodeExporter && !given.containsKey(TEXTFILE_KEY)) {
            s.append("\n# node_exporter's textfile directory is on this PC: the agent's metrics go there each round\n")
                    .append(TEXTFILE_KEY)
                    .append(" = ")
                    .append(NODE_EXPORTER_TEXTFILES)
                    .append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Properties that remember the order keys came in. */
    private static final class OrderedProperties extends Properties {
        final List<String> order = new ArrayList<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            if (!order.contains((String) key)) {
                order.add((String) key);
            }
            return super.put(key, value);
        }
    }

    /** The units' [Install] links, as systemctl enable makes them (it cannot run for a directory tree). */
    static void enable(Tree tree, Payload payload) throws IOException {
        for (var e : payload.enableLinks().entrySet()) {
            tree.directory(Path.of(e.getKey()).getParent().toString(), 0755, "root", "root");
            tree.symlink(e.getKey(), e.getValue());
        }
    }

    static void directories(Tree tree) throws IOException {
        tree.directory(Layout.OPT, 0755, "root", "root");
        tree.directory(Layout.ETC, 0755, "root", "root");
        tree.directory(Layout.DATA, 0700, "root", "root");
        tree.directory(Layout.LOGS, 0700, "root", "root");
    }

    static void payload(Tree tree, Payload payload) throws IOException {
        for (Payload.Entry e : payload.entries()) {
            if (e.isDirectory()) {
                tree.directory(e.target(), e.mode(), e.owner(), e.group());
            } else if (e.config()) {
                tree.fileIfAbsent(e.target(), payload.content(e), e.mode(), e.owner(), e.group());
            } else {
                tree.file(e.target(), payload.content(e), e.mode(), e.owner(), e.group());
            }
        }
    }

    static void homes(Tree tree) throws IOException {
        tree.directory(Accounts.KIOSK_HOME, 0700, Accounts.KIOSK, Accounts.KIOSK);
        tree.directory("/home", 0755, "root", "root");
        tree.directory(Accounts.VISITOR_HOME, 0700, Accounts.VISITOR, Accounts.VISITOR);
    }

    /**
     * systemctl on this machine; nothing for a directory tree, nor where systemd is not running (a
     * chroot or an image being built): the units are enabled by their links and start at boot.
     */
    void systemctl(Target target, String... args) throws IOException, InterruptedException {
        if (!target.isLiveSystem()) {
            return;
        }
        if (!target.systemdRunning()) {
            out.println("systemctl " + String.join(" ", args) + ": skipped, systemd is not running here"
                    + " (a chroot or an image?); the services start at the next boot");
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("systemctl"));
        cmd.addAll(List.of(args));
        Run.Result r = Run.run(cmd, null, 120);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + r.exit() + "): " + r.lastLine());
        }
    }

    /**
     * Runs the installed agent's {@code enrol} with the code on standard input. A collector that
     * cannot be reached (or refuses) does not fail the install: the state says "pending" with
     * why, and the code is kept (root's, 0600) in {@code upload.enrol-code-file}, where the running
     * agent finds it and enrols by itself as soon as the collector answers (then deletes it).
     */
    void enrol(Tree tree, String code) throws IOException, InterruptedException {
        Target target = tree.target();
        Path state = target.resolve(Layout.ENROLMENT_STATE);
        if (Files.exists(state) && Files.readString(state).startsWith("enrolled")) {
            out.println(
                    "enrolment: already enrolled (" + Files.readString(state).strip() + ")");
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(
                javaCommand(),
                "-jar",
                target.resolve(Layout.jar("agent")).toString(),
                "enrol",
                "--config",
                target.resolve(Layout.AGENT_PROPERTIES).toString()));
        if (!target.isLiveSystem()) {
            cmd.addAll(List.of(
                    "--data-dir",
                    target.resolve(Layout.DATA).toString(),
                    "--log-dir",
                    target.resolve(Layout.LOGS).toString()));
        }
        Run.Result r = Run.run(cmd, code + "\n", 180);
        if (r.exit() == 0) {
            tree.file(
                    Layout.ENROLMENT_STATE,
                    (r.lastLine() + "\n").getBytes(StandardCharsets.UTF_8),
                    0600,
                    "root",
                    "root");
            Path kept = target.resolve(Layout.ENROL_CODE);
            if (Files.exists(kept)) {
                byte[] old = Files.readAllBytes(kept);
                Files.delete(kept);
                tree.journalRecord("removed the kept enrolment code", () -> Files.write(kept, old));
            }
            out.println("enrolment: " + r.lastLine());
        } else {
            String why = r.lastLine().isEmpty() ? "agent enrol exited with " + r.exit() : r.lastLine();
            tree.file(Layout.ENROL_CODE, (code + "\n").getBytes(StandardCharsets.UTF_8), 0600, "root", "root");
            tree.file(
                    Layout.ENROLMENT_STATE,
                    ("pending: " + why + "\n").getBytes(StandardCharsets.UTF_8),
                    0600,
                    "root",
                    "root");
            out.println("enrolment: not done (" + why + "); the install goes on — see digiclub-installer verify");
        }
    }

    /**
     * Sets the staff PIN through the installed agent ({@code staff-pin --stdin}: the agent's rules
     * refuse a trivial PIN, and the install then fails naming why). Without a PIN file nothing is
     * set and the install says how to set it.
     */
    void staffPin(Tree tree, Optional<String> pin) throws IOException, InterruptedException {
        if (pin.isEmpty()) {
            out.println("staff PIN: not changed by this install (no --staff-pin-file); without one the staff panel"
                    + " stays closed: set or change it with digiclub-agent staff-pin");
            return;
        }
        Target target = tree.target();
        List<String> cmd = new ArrayList<>(List.of(
                javaCommand(),
                "-jar",
                target.resolve(Layout.jar("agent")).toString(),
                "staff-pin",
                "--stdin",
                "--config",
                target.resolve(Layout.AGENT_PROPERTIES).toString()));
        if (!target.isLiveSystem()) {
            cmd.addAll(List.of(
                    "--data-dir",
                    target.resolve(Layout.DATA).toString(),
                    "--log-dir",
                    target.resolve(Layout.LOGS).toString()));
        }
        Run.Result r = Run.run(cmd, pin.get() + "\n", 120);
        if (r.exit() != 0) {
            throw new IOException("the agent did not take the staff PIN: "
                    + (r.lastLine().isEmpty() ? "staff-pin exited with " + r.exit() : r.lastLine()));
        }
        out.println("staff PIN: set");
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Deletes a file or a directory tree, never following links out of it. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : s.sorted(Comparator.reverseOrder()).toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }
}
