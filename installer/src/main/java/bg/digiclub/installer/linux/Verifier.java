package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.config.RenamedKey;
import bg.digiclub.common.config.RenamedKeys;

/** {@code verify}: every installed piece checked; each problem says what is wrong and how to fix it. */
public final class Verifier {
    /** One finding: a problem (verify fails) or a note (it does not). */
    public record Finding(boolean problem, String what, String fix) {
        @Override
        public String toString() {
            return (problem ? "WRONG " : "NOTE  ") + what + (fix.isEmpty() ? "" : "\n      fix: " + fix);
        }
    }

    private static final String REINSTALL =
            "digiclub-installer upgrade (lays out every file again, keeps config and data)";

    private final Target target;
    private final List<Finding> findings = new ArrayList<>();

    public Verifier(Path root) {
        this.target = new Target(root);
    }

    public List<Finding> verify() throws IOException {
        accounts();
        dir(Layout.OPT, 0755, "root", "root");
        dir(Layout.ETC, 0755, "root", "root");
        dir(Layout.DATA, 0700, "root", "root");
        dir(Layout.LOGS, 0700, "root", "root");
        for (String program : Layout.PROGRAMS) {
            file(Layout.jar(program), 0644, "root", "root", null);
            dir(Layout.lib(program), 0755, "root", "root");
        }
        file(Layout.JVM_OPTIONS, 0644, "root", "root", null);
        Payload payload = Payload.ofResources();
        for (Payload.Entry e : payload.entries()) {
            if (e.isDirectory()) {
                dir(e.target(), e.mode(), e.owner(), e.group());
            } else {
                file(e.target(), e.mode(), e.owner(), e.group(), e.config() ? null : payload.content(e));
            }
        }
        agentProperties();
        kioskProperties();
        dir(Accounts.KIOSK_HOME, 0700, Accounts.KIOSK, Accounts.KIOSK);
        dir("/home", 0755, "root", "root");
        dir(Accounts.VISITOR_HOME, 0700, Accounts.VISITOR, Accounts.VISITOR);
        service(payload);
        classDataArchive();
        enrolment();
        findings.addAll(VisitorHomeMount.check(target));
        findings.addAll(NightlyReboot.check(target));
        return List.copyOf(findings);
    }

    private void wrong(String what, String fix) {
        findings.add(new Finding(true, what, fix));
    }

    private void note(String what, String fix) {
        findings.add(new Finding(false, what, fix));
    }

    private void accounts() throws IOException {
        var kiosk = target.user(Accounts.KIOSK);
        var kioskGroup = target.group(Accounts.KIOSK);
        var visitor = target.user(Accounts.VISITOR);
        if (kioskGroup.isEmpty()) {
            wrong("no group " + Accounts.KIOSK, REINSTALL);
        }
        if (kiosk.isEmpty()) {
            wrong("no account " + Accounts.KIOSK, REINSTALL);
        } else {
            if (kioskGroup.isPresent() && kiosk.get().gid() != kioskGroup.get().gid()) {
                wrong(
                        Accounts.KIOSK + "'s primary group is not " + Accounts.KIOSK,
                        "usermod -g " + Accounts.KIOSK + " " + Accounts.KIOSK);
            }
            if (!kiosk.get().home().equals(Accounts.KIOSK_HOME)) {
                wrong(
                        Accounts.KIOSK + "'s home is " + kiosk.get().home(),
                        "usermod -d " + Accounts.KIOSK_HOME + " " + Accounts.KIOSK);
            }
        }
        if (visitor.isEmpty()) {
            wrong("no account " + Accounts.VISITOR, REINSTALL);
        } else {
            if (!visitor.get().home().equals(Accounts.VISITOR_HOME)) {
                wrong(
                        Accounts.VISITOR + "'s home is " + visitor.get().home(),
                        "usermod -d " + Accounts.VISITOR_HOME + " " + Accounts.VISITOR);
            }
            boolean inKioskGroup = kioskGroup.isPresent()
                    && (kioskGroup.get().members().contains(Accounts.VISITOR)
                            || visitor.get().gid() == kioskGroup.get().gid());
            if (inKioskGroup) {
                wrong(
                        Accounts.VISITOR + " is in the group " + Accounts.KIOSK
                                + ": the visitor could reach the agent's socket",
                        "gpasswd -d " + Accounts.VISITOR + " " + Accounts.KIOSK);
            }
            if (visitor.get().uid() == 0) {
                wrong(Accounts.VISITOR + " has uid 0", "userdel " + Accounts.VISITOR + ", then " + REINSTALL);
            }
        }
        metricsReaders(visitor);
    }

    /** The group that reads the agent's node_exporter textfile: node_exporter's account in it, the visitor's not. */
    private void metricsReaders(Optional<Target.PasswdEntry> visitor) throws IOException {
        var metrics = target.group(Accounts.METRICS);
        if (metrics.isEmpty()) {
            wrong("no group " + Accounts.METRICS + " (the readers of the agent's metrics)", REINSTALL);
            return;
        }
        if (visitor.isPresent()
                && (metrics.get().members().contains(Accounts.VISITOR)
                        || visitor.get().gid() == metrics.get().gid())) {
            wrong(
                    Accounts.VISITOR + " is in the group " + Accounts.METRICS
                            + ": the visitor could read the PC's metrics",
                    "gpasswd -d " + Accounts.VISITOR + " " + Accounts.METRICS);
        }
        if (target.user(Accounts.NODE_EXPORTER).isPresent()
                && !metrics.get().members().contains(Accounts.NODE_EXPORTER)) {
            note(
                    Accounts.NODE_EXPORTER + " (node_exporter) is not in the group " + Accounts.METRICS
                            + ": it cannot read the agent's metrics",
                    REINSTALL + "; or: adduser " + Accounts.NODE_EXPORTER + " " + Accounts.METRICS
                            + " && systemctl try-restart " + LinuxInstaller.NODE_EXPORTER_UNIT);
        }
    }

    private boolean attributes(Path p, String path, int mode, String owner, String group) throws IOException {
        int uid;
        int gid;
        try {
            uid = target.uid(owner);
            gid = target.gid(group);
        } catch (IOException e) {
            return false; // the missing account is a finding of its own
        }
        int m = Tree.mode(p);
        int u = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int g = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        boolean ok = true;
        if (m != mode) {
            wrong(
                    String.format("%s is mode %04o, should be %04o", path, m, mode),
                    String.format("chmod %04o %s", mode, p));
            ok = false;
        }
        if (u != uid || g != gid) {
            wrong(
                    path + " is owned by " + u + ":" + g + ", should be " + owner + ":" + group,
                    "chown " + owner + ":" + group + " " + p);
            ok = false;
        }
        return ok;
    }

    private void dir(String path, int mode, String owner, String group) throws IOException {
        Path p = target.resolve(path);
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            wrong(path + " is missing (a directory)", REINSTALL);
            return;
        }
        attributes(p, path, mode, owner, group);
    }

    private void file(String path, int mode, String owner, String group, byte[] content) throws IOException {
        Path p = target.resolve(path);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            wrong(path + " is missing", REINSTALL);
            return;
        }
        attributes(p, path, mode, owner, group);
        if (content != null && !Arrays.equals(content, Files.readAllBytes(p))) {
            wrong(
                    path + " differs from what this installer lays out (edited, or another version)",
                    REINSTALL + "; local changes to a unit belong in a drop-in (systemctl edit)");
        }
    }

    private void agentProperties() throws IOException {
        Path p = target.resolve(Layout.AGENT_PROPERTIES);
        if (!Files.isRegularFile(p)) {
            wrong(
                    Layout.AGENT_PROPERTIES + " is missing",
                    "digiclub-installer install --collector URL --enrol-code-file F");
            return;
        }
        attributes(p, Layout.AGENT_PROPERTIES, 0600, "root", "root");
        Optional<ConfigProperties> read = readable(p, RenamedKeys.AGENT);
        if (read.isEmpty()) {
            return;
        }
        ConfigProperties props = read.get();
        for (Map.Entry<String, String> k : LinuxInstaller.installerKeys("").entrySet()) {
            String value;
            try {
                value = props.string(k.getKey()).orElse(null);
            } catch (ConfigException e) {
                wrong(
                        e.getMessage(),
                        "set " + k.getKey() + " = " + (k.getKey().equals("upload.url") ? "https://..." : k.getValue())
                                + " there, then systemctl restart digiclub-agent");
                continue;
            }
            if (k.getKey().equals("upload.url")) {
                if (value == null) {
                    wrong(
                            Layout.AGENT_PROPERTIES + " has no upload.url: nothing reaches the municipality",
                            "set upload.url = https://... there, then systemctl restart digiclub-agent");
                }
            } else if (!k.getValue().equals(value)) {
                wrong(
                        Layout.AGENT_PROPERTIES + ": " + k.getKey() + " is "
                                + (value == null ? "unset" : "'" + value + "'") + ", the install needs '" + k.getValue()
                                + "'",
                        "set " + k.getKey() + " = " + k.getValue() + " there, then systemctl restart digiclub-agent");
            }
        }
    }

    /** Keys of the kiosk's file under an old name: they still work, so a note, not a problem. */
    private void kioskProperties() {
        Path p = target.resolve(Layout.KIOSK_PROPERTIES);
        if (Files.isRegularFile(p)) {
            readable(p, RenamedKeys.KIOSK);
        }
    }

    /** The file read with the programs' own reader; each key under an old name is a note. */
    private Optional<ConfigProperties> readable(Path file, List<RenamedKey> renames) {
        try {
            ConfigProperties props = ConfigProperties.load(file, renames);
            props.warnings().forEach(w -> note(w, "rename the key there (docs/operations.md lists the new names)"));
            return Optional.of(props);
        } catch (ConfigException e) {
            wrong(e.getMessage(), "correct the file, then systemctl restart digiclub-agent digiclub-session");
            return Optional.empty();
        }
    }

    private void service(Payload payload) throws IOException {
        for (var e : payload.enableLinks().entrySet()) {
            Path link = target.resolve(e.getKey());
            if (!Files.isSymbolicLink(link)
                    || !Files.readSymbolicLink(link).toString().equals(e.getValue())) {
                wrong(
                        Path.of(e.getValue()).getFileName() + " is not enabled (no " + e.getKey() + " -> "
                                + e.getValue() + ")",
                        "systemctl enable " + Path.of(e.getValue()).getFileName());
            }
        }
        if (target.isLiveSystem()) {
            List<String> units = new ArrayList<>(List.of("systemd-analyze", "verify"));
            payload.enableLinks().values().stream()
                    .distinct()
                    .filter(u -> Files.isRegularFile(target.resolve(u)))
                    .forEach(units::add);
            try {
                Run.Result analysed = Run.run(units, null, 60);
                if (analysed.exit() != 0 || !analysed.output().isBlank()) {
                    wrong("systemd-analyze verify: " + analysed.output().strip().replace("\n", "\n      "), REINSTALL);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!target.systemdRunning()) {
                note(
                        "systemd is not running here (a chroot or an image?): whether the agent runs was not checked",
                        "boot the PC, then digiclub-installer verify again");
                return;
            }
            Run.Result r;
            try {
                r = Run.run(List.of("systemctl", "is-active", Layout.UNIT_NAME), null, 30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (r.exit() != 0) {
                wrong(
                        "the agent's service is not running (" + r.lastLine() + ")",
                        "journalctl -u digiclub-agent -n 50 (why), then systemctl restart digiclub-agent");
            }
        }
    }

    private void classDataArchive() {
        boolean archive = Files.isRegularFile(target.resolve(Layout.CDS_ARCHIVE));
        boolean env = Files.isRegularFile(target.resolve(Layout.CDS_ENV));
        if (env && !archive) {
            wrong(
                    Layout.CDS_ENV + " names " + Layout.CDS_ARCHIVE
                            + ", which is missing: class-data sharing is off altogether",
                    "rm " + target.resolve(Layout.CDS_ENV)
                            + ", or digiclub-installer upgrade (records the archive again)");
        } else if (!env) {
            note(
                    "the agent runs without its class-data archive (a little more memory and a slower start)",
                    target.isLiveSystem() ? "digiclub-installer upgrade records it" : "");
        }
        if (!Files.isRegularFile(target.resolve(Layout.KIOSK_CDS_ARCHIVE))) {
            note(
                    "the kiosk starts without its class-data archive (the lock screen is back ~0.4 s later after a crash)",
                    target.isLiveSystem()
                            ? "digiclub-installer upgrade records it (it needs Xvfb: apt install xvfb)"
                            : "");
        }
    }

    private void enrolment() throws IOException {
        Path state = target.resolve(Layout.ENROLMENT_STATE);
        if (!Files.exists(state)) {
            wrong(
                    "no enrolment was tried (" + Layout.ENROLMENT_STATE + " missing)",
                    "digiclub-installer install --collector URL --enrol-code-file F (again: it changes only what is missing)");
            return;
        }
        String s = Files.readString(state, StandardCharsets.UTF_8).strip();
        boolean codeKept = Files.exists(target.resolve(Layout.ENROL_CODE));
        if (s.startsWith("enrolled")) {
            note("enrolment: " + s, "");
        } else if (!codeKept) {
            // the agent deletes the kept code once it has enrolled by itself
            note("enrolment: enrolled by the agent after the install (the install said: " + s + ")", "");
        } else {
            note(
                    "not enrolled yet: " + s
                            + ". The agent enrols by itself as soon as the collector answers, with the "
                            + "code kept in " + Layout.ENROL_CODE + " (root, 0600), then deletes it",
                    "nothing, once the collector is reachable (journalctl -u digiclub-agent says why not yet)");
        }
    }
}
