package bg.digiclub.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer against a directory tree ({@code --root}), as root: the accounts are made in the
 * tree's own etc/passwd, group, shadow and gshadow by the system's useradd/groupadd.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root")
class InstallerLinuxTest {
    @TempDir
    Path tmp;

    Path root;
    Path from;
    Path goodCode;
    Path offlineCode;
    Map<String, String> before;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\n");
        Files.setPosixFilePermissions(etc.resolve("shadow"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(etc.resolve("gshadow"), PosixFilePermissions.fromString("rw-r-----"));
        Files.copy(Path.of("/etc/login.defs"), etc.resolve("login.defs"));
        from = release(tmp.resolve("release"), "1");
        goodCode = secret(tmp.resolve("good.code"), FakeAgent.GOOD_CODE + "\n");
        offlineCode = secret(tmp.resolve("offline.code"), "7KQ2-M9XD-4TRC\n");
        before = listing(root);
    }

    // ---- helpers ------------------------------------------------------------------------

    static Path secret(Path p, String content) throws IOException {
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    /** A release directory: the fake agent as digiclub-agent.jar, stand-in kiosk and installer jars. */
    static Path release(Path dir, String version) throws IOException {
        Path agent = Files.createDirectories(dir.resolve("agent/lib"));
        fakeAgentJar(dir.resolve("agent/digiclub-agent.jar"));
        Files.writeString(agent.resolve("common-" + version + ".jar"), "common " + version);
        Files.writeString(dir.resolve("agent/agent.jvm-options"), "-Xmx48m\n");
        Files.createDirectories(dir.resolve("kiosk/lib"));
        Files.writeString(dir.resolve("kiosk/kiosk.jvm-options"), "-XX:TieredStopAtLevel=1\n");
        Files.writeString(dir.resolve("kiosk/digiclub-kiosk.jar"), "kiosk " + version);
        Files.writeString(dir.resolve("kiosk/lib/javafx-" + version + ".jar"), "javafx " + version);
        Files.createDirectories(dir.resolve("installer/lib"));
        Files.writeString(dir.resolve("installer/digiclub-installer.jar"), "installer " + version);
        return dir;
    }

    static void fakeAgentJar(Path jar) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeAgent.class.getName());
        String name = FakeAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(o, m)) {
            j.putNextEntry(new JarEntry(name));
            try (var in = FakeAgent.class.getClassLoader().getResourceAsStream(name)) {
                in.transferTo(j);
            }
            j.closeEntry();
        }
    }

    /** path -> type, mode, uid:gid, mtime, sha-256 (files) or target (links), for every entry under dir. */
    static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = "/" + dir.relativize(p);
                String type =
                        Files.isSymbolicLink(p) ? "l" : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "d" : "f";
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                Object uid = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                Object gid = Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                String what = switch (type) {
                    case "l" -> Files.readSymbolicLink(p).toString();
                    case "f" -> sha256(p) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                    default ->
                        Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                };
                out.put(rel, String.format("%s %04o %s:%s %s", type, mode, uid, gid, what));
            }
        }
        return out;
    }

    static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Outcome(int exit, String out) {}

    static Outcome cli(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(p);
        System.setErr(p);
        try {
            int exit = InstallerMain.run(p, args);
            return new Outcome(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** {@code install} into the test's tree from its release with {@code code}, and {@code more} options. */
    Outcome install(Path code, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "install",
                "--root",
                root.toString(),
                "--from",
                from.toString(),
                "--collector",
                "https://collector.invalid",
                "--enrol-code-file",
                code.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    String attrs(String path) {
        try {
            return listing(root).get(path).substring(0, listing(root).get(path).indexOf(' ', 7));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int uid(String name) throws IOException {
        return Files.readAllLines(root.resolve("etc/passwd")).stream()
                .filter(l -> l.startsWith(name + ":"))
                .map(l -> Integer.parseInt(l.split(":")[2]))
                .findFirst()
                .orElseThrow();
    }

    int gid(String name) throws IOException {
        return Files.readAllLines(root.resolve("etc/group")).stream()
                .filter(l -> l.startsWith(name + ":"))
                .map(l -> Integer.parseInt(l.split(":")[2]))
                .findFirst()
                .orElseThrow();
    }

    /** Paths only, without the shadow tools' own files (passwd, group, shadow, gshadow and their "-" backups). */
    static java.util.Set<String> pathsBesidesAccountFiles(Map<String, String> listing) {
        return listing.keySet().stream()
                .filter(p -> !p.matches("/etc/(passwd|group|shadow|gshadow)-?"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static String withoutDirectoryMtime(String attrs) {
        return attrs.startsWith("d ") ? attrs.substring(0, attrs.lastIndexOf(' ')) : attrs;
    }

    // ---- tests ----------------------------------------------------------------------------

    @Test
    void installLaysOutTheTreeWithItsOwnersAndModesAndVerifyPasses() throws Exception {
        Outcome o = install(goodCode);
        assertEquals(0, o.exit(), o.out());
        int kiosk = uid("digiclub-kiosk");
        int kioskGroup = gid("digiclub-kiosk");
        int visitor = uid("digiclub-visitor");
        int visitorGroup = gid("digiclub-visitor");
        assertTrue(kiosk > 0 && visitor > 0 && kiosk != visitor);
        assertNotEquals(kioskGroup, visitorGroup);
        assertFalse(Files.readString(root.resolve("etc/group"))
                .contains("digiclub-kiosk:x:" + kioskGroup + ":digiclub-visitor"));

        Map<String, String> want = new TreeMap<>(Map.ofEntries(
                Map.entry("/opt/digiclub", "d 0755 0:0"),
                Map.entry("/opt/digiclub/agent/digiclub-agent.jar", "f 0644 0:0"),
                Map.entry("/opt/digiclub/agent/lib/common-1.jar", "f 0644 0:0"),
                Map.entry("/opt/digiclub/agent/agent.jvm-options", "f 0644 0:0"),
                Map.entry("/opt/digiclub/kiosk/kiosk.jvm-options", "f 0644 0:0"),
                Map.entry("/opt/digiclub/kiosk/digiclub-kiosk.jar", "f 0644 0:0"),
                Map.entry("/opt/digiclub/kiosk/lib/javafx-1.jar", "f 0644 0:0"),
                Map.entry("/opt/digiclub/installer/digiclub-installer.jar", "f 0644 0:0"),
                Map.entry("/etc/digiclub", "d 0755 0:0"),
                Map.entry("/etc/digiclub/agent.properties", "f 0600 0:0"),
                Map.entry("/etc/digiclub/kiosk.properties", "f 0640 0:" + kioskGroup),
                Map.entry("/etc/digiclub/enrolment", "f 0600 0:0"),
                Map.entry("/etc/systemd/system/digiclub-agent.service", "f 0644 0:0"),
                Map.entry("/var/lib/digiclub", "d 0700 0:0"),
                Map.entry("/var/log/digiclub", "d 0700 0:0"),
                Map.entry("/var/lib/digiclub-kiosk", "d 0700 " + kiosk + ":" + kioskGroup),
                Map.entry("/home", "d 0755 0:0"),
                Map.entry("/home/digiclub-visitor", "d 0700 " + visitor + ":" + visitorGroup)));
        for (var e : want.entrySet()) {
            assertEquals(e.getValue(), attrs(e.getKey()), e.getKey());
        }
        assertEquals(
                "l 0777 0:0 /etc/systemd/system/digiclub-agent.service",
                listing(root).get("/etc/systemd/system/multi-user.target.wants/digiclub-agent.service"));
        assertFalse(Files.exists(root.resolve("etc/digiclub/enrol-code")), "no code kept once enrolled");

        String props = Files.readString(root.resolve("etc/digiclub/agent.properties"));
        for (String line : List.of(
                "data-dir = /var/lib/digiclub",
                "log-dir = /var/log/digiclub",
                "link.socket = /run/digiclub/agent.sock",
                "link.allowed-users = digiclub-kiosk",
                "link.kiosk-user = digiclub-kiosk",
                "visitor.account = digiclub-visitor",
                "visitor.xauthority = /run/digiclub-session/visitor.xauth",
                "upload.url = https://collector.invalid")) {
            assertTrue(props.contains(line + "\n"), line + " in\n" + props);
        }
        assertEquals(
                "enrolled: device dev-1 of club club-1\n", Files.readString(root.resolve("etc/digiclub/enrolment")));

        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), v.out());
        assertTrue(v.out().contains("enrolment: enrolled: device dev-1"), v.out());
    }

    @Test
    void theConfigGivenIsMergedAndTheInstallsKeysWin() throws Exception {
        Path config = Files.writeString(
                tmp.resolve("my.properties"),
                "time.zone = Europe/Sofia\nlink.allowed-users = root\nmembers.daily-minutes = 90\n");
        Outcome o = install(goodCode, "--config", config.toString());
        assertEquals(0, o.exit(), o.out());
        String props = Files.readString(root.resolve("etc/digiclub/agent.properties"));
        assertTrue(props.contains("time.zone = Europe/Sofia\n"), props);
        assertTrue(props.contains("members.daily-minutes = 90\n"), props);
        assertTrue(props.contains("link.allowed-users = digiclub-kiosk\n"), props);
        assertFalse(props.contains("link.allowed-users = root"), props);
    }

    @Test
    void nodeExportersTextfileDirectoryOnThePcGetsTheAgentsMetricsUnlessTheConfigChooses() throws Exception {
        assertEquals(0, install(goodCode).exit());
        assertFalse(
                Files.readString(root.resolve("etc/digiclub/agent.properties")).contains("metrics.textfile-dir"),
                "no node_exporter here: no textfile");

        Files.createDirectories(root.resolve("var/lib/prometheus/node-exporter"));
        assertEquals(0, install(goodCode).exit());
        String props = Files.readString(root.resolve("etc/digiclub/agent.properties"));
        assertTrue(props.contains("\nmetrics.textfile-dir = /var/lib/prometheus/node-exporter\n"), props);
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), v.out());

        Path config = Files.writeString(tmp.resolve("my.properties"), "metrics.textfile-dir = /srv/textfiles\n");
        Outcome chosen = install(goodCode, "--config", config.toString());
        assertEquals(0, chosen.exit(), chosen.out());
        props = Files.readString(root.resolve("etc/digiclub/agent.properties"));
        assertTrue(props.contains("metrics.textfile-dir = /srv/textfiles\n"), props);
        assertFalse(props.contains("/var/lib/prometheus/node-exporter"), props);
    }

    /** node_exporter's account as Debian's prometheus-node-exporter makes it (adduser --system --group prometheus). */
    void nodeExporterInstalled() throws Exception {
        Process p = new ProcessBuilder(
                        "useradd",
                        "--prefix",
                        root.toString(),
                        "--system",
                        "--user-group",
                        "--no-create-home",
                        "--shell",
                        "/usr/sbin/nologin",
                        "prometheus")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    /** The members of a group in the tree's etc/group. */
    List<String> members(String group) throws IOException {
        return Files.readAllLines(root.resolve("etc/group")).stream()
                .filter(l -> l.startsWith(group + ":"))
                .map(l -> l.split(":", -1)[3])
                .map(m -> m.isEmpty() ? List.<String>of() : List.of(m.split(",")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + group + " in etc/group"));
    }

    @Test
    void theMetricsGroupLetsNodeExportersAccountReadTheAgentsFileAndNeverTheVisitor() throws Exception {
        assertEquals(0, install(goodCode).exit());
        assertEquals(List.of(), members("digiclub-metrics"), "no node_exporter on this PC: an empty group");
        assertEquals(0, cli("verify", "--root", root.toString()).exit());

        // node_exporter installed after DigiClub: the next upgrade (or install) lets it in
        nodeExporterInstalled();
        Outcome u = cli("upgrade", "--root", root.toString(), "--from", from.toString());
        assertEquals(0, u.exit(), u.out());
        assertTrue(u.out().contains("prometheus (node_exporter) may now read the agent's metrics"), u.out());
        assertEquals(List.of("prometheus"), members("digiclub-metrics"));
        assertNotEquals(gid("digiclub-metrics"), gid("digiclub-visitor"));
        Outcome again = install(goodCode);
        assertTrue(again.out().contains("nothing to change"), again.out());
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), v.out());
        assertFalse(v.out().contains("digiclub-metrics"), v.out());

        // taken out by hand: a note (the PC works, its monitoring does not); the visitor put in: wrong
        Path group = root.resolve("etc/group");
        Files.writeString(
                group,
                Files.readString(group)
                        .replaceFirst("(?m)^(digiclub-metrics:x:\\d+:)prometheus$", "$1digiclub-visitor"));
        v = cli("verify", "--root", root.toString());
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("NOTE  prometheus (node_exporter) is not in the group digiclub-metrics"), v.out());
        assertTrue(
                v.out()
                        .contains("WRONG digiclub-visitor is in the group digiclub-metrics:"
                                + " the visitor could read the PC's metrics"),
                v.out());
        assertTrue(v.out().contains("fix: gpasswd -d digiclub-visitor digiclub-metrics"), v.out());
    }

    @Test
    void aFailedInstallTakesNodeExportersAccountOutOfTheMetricsGroupAgain() throws Exception {
        nodeExporterInstalled();
        Files.createDirectories(root.resolve("opt/digiclub"));
        Files.writeString(root.resolve("opt/digiclub/kiosk"), "not a directory");
        String groups = Files.readString(root.resolve("etc/group"));
        String gshadow = Files.readString(root.resolve("etc/gshadow"));
        Outcome o = install(goodCode);
        assertEquals(1, o.exit(), o.out());
        assertFalse(o.out().contains("NOT undone"), o.out());
        assertEquals(groups, Files.readString(root.resolve("etc/group")));
        assertEquals(gshadow, Files.readString(root.resolve("etc/gshadow")));

        // the group already there (an earlier install): only the membership is undone
        Files.delete(root.resolve("opt/digiclub/kiosk"));
        assertEquals(0, install(goodCode).exit());
        Files.writeString(
                root.resolve("etc/group"),
                Files.readString(root.resolve("etc/group"))
                        .replaceFirst("(?m)^(digiclub-metrics:x:\\d+:)prometheus$", "$1"));
        Files.writeString(
                root.resolve("etc/gshadow"),
                Files.readString(root.resolve("etc/gshadow"))
                        .replaceFirst("(?m)^(digiclub-metrics:[^:]*:[^:]*:)prometheus$", "$1"));
        assertEquals(List.of(), members("digiclub-metrics"));
        Path props = root.resolve("etc/digiclub/agent.properties");
        Files.delete(props);
        Files.createDirectory(props);
        Outcome failed = install(goodCode);
        assertEquals(1, failed.exit(), failed.out());
        // the step after the accounts: prometheus had been let in, and is taken out again
        assertTrue(failed.out().contains("step \"agent configuration\" failed"), failed.out());
        assertFalse(failed.out().contains("NOT undone"), failed.out());
        assertEquals(List.of(), members("digiclub-metrics"));
    }

    @Test
    void aStaffPinFileSetsThePinThroughTheAgentAndAnEasyPinUndoesTheInstall() throws Exception {
        Path easy = secret(tmp.resolve("easy.pin"), FakeAgent.EASY_PIN + "\n");
        Outcome refused = install(goodCode, "--staff-pin-file", easy.toString());
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(
                refused.out()
                        .contains("step \"staff PIN\" failed: the agent did not take the staff PIN: "
                                + "staff-pin: this PIN is too easy to guess"),
                refused.out());
        assertEquals(pathsBesidesAccountFiles(before), pathsBesidesAccountFiles(listing(root)), "undone");

        Path good = secret(tmp.resolve("good.pin"), "482913\n");
        Outcome set = install(goodCode, "--staff-pin-file", good.toString());
        assertEquals(0, set.exit(), set.out());
        assertTrue(set.out().contains("staff PIN: set"), set.out());
        assertEquals("set\n", Files.readString(root.resolve("var/lib/digiclub/staff-pin-set")));

        Outcome without = install(goodCode);
        assertTrue(
                without.out().contains("staff PIN: not changed by this install (no --staff-pin-file)"), without.out());
    }

    @Test
    void everyUnitPassesSystemdAnalyzeVerify() throws Exception {
        assertEquals(0, install(goodCode).exit());
        Path unit = root.resolve("etc/systemd/system/digiclub-agent.service");
        List<String> units;
        try (Stream<Path> s = Files.list(root.resolve("etc/systemd/system"))) {
            units = s.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
        assertEquals(
                List.of(
                        "digiclub-agent.service",
                        "digiclub-nightly-reboot.service",
                        "digiclub-nightly-reboot.timer",
                        "digiclub-session.service",
                        "home-digiclub\\x2dvisitor.mount"),
                units.stream().map(u -> Path.of(u).getFileName().toString()).toList(),
                "the agent's, the session's, the nightly restart's and the visitor home's tmpfs");
        // verified with this machine's unit search path (the tree has no sysinit.target): every
        // directive known, the installer's java there. A program of ours (/opt/digiclub/...) exists only in
        // the tree: each unit is verified as a copy whose /opt/digiclub points into the tree, so
        // systemd-analyze checks those programs exist and are executable there.
        Path copies = Files.createDirectories(tmp.resolve("units"));
        List<String> cmd = new java.util.ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String u : units) {
            Path copy = copies.resolve(Path.of(u).getFileName());
            Files.writeString(
                    copy,
                    Files.readString(Path.of(u))
                            .replace(" /opt/digiclub/", " " + root + "/opt/digiclub/")
                            .replace("=/opt/digiclub/", "=" + root + "/opt/digiclub/"));
            cmd.add(copy.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("", out.strip(), "systemd-analyze said something about " + units);
        String unitText = Files.readString(unit);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertTrue(
                unitText.contains("\nExecStart=" + java + " @/opt/digiclub/agent/agent.jvm-options "),
                "the agent runs on the installer's java (" + java + "), not the first java on the PATH:\n" + unitText);
        assertTrue(
                Files.readString(root.resolve("opt/digiclub/session/digiclub-kiosk-xsession"))
                        .contains("set -- " + java + " @"),
                "the kiosk too");
        for (String path : List.of(
                "/opt/digiclub/agent/agent.jvm-options",
                "/opt/digiclub/agent/digiclub-agent.jar",
                "/etc/digiclub/agent.properties")) {
            assertTrue(unitText.contains(path), path);
            assertTrue(Files.isRegularFile(root.resolve(path.substring(1))), path);
        }
        for (String line : List.of(
                "Restart=always",
                "UMask=0077",
                "StateDirectoryMode=0700",
                "LogsDirectoryMode=0700",
                "RuntimeDirectory=digiclub",
                "RuntimeDirectoryMode=0750",
                "ProtectSystem=strict",
                "NoNewPrivileges=yes")) {
            assertTrue(unitText.contains("\n" + line + "\n"), line);
        }
    }

    @Test
    void installingTwiceChangesNothingTheSecondTime() throws Exception {
        assertEquals(0, install(goodCode).exit());
        Map<String, String> first = listing(root);
        Outcome second = install(goodCode);
        assertEquals(0, second.exit(), second.out());
        assertTrue(second.out().contains("nothing to change"), second.out());
        assertEquals(first, listing(root));
    }

    @Test
    void anUnreachableCollectorLeavesTheEnrolmentPendingAndTheInstallComplete() throws Exception {
        Outcome o = install(offlineCode);
        assertEquals(0, o.exit(), o.out());
        assertTrue(o.out().contains("enrolment: not done (enrolment failed: the collector cannot be reached"), o.out());
        assertEquals("f 0600 0:0", attrs("/etc/digiclub/enrol-code"));
        assertEquals("7KQ2-M9XD-4TRC\n", Files.readString(root.resolve("etc/digiclub/enrol-code")));
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), v.out());
        assertTrue(
                v.out().contains("NOTE  not enrolled yet: pending: enrolment failed: the collector cannot be reached"),
                v.out());
        assertTrue(v.out().contains("The agent enrols by itself as soon as the collector answers"), v.out());
        assertTrue(
                Files.readString(root.resolve("etc/digiclub/agent.properties"))
                        .contains("upload.enrol-code-file = /etc/digiclub/enrol-code"),
                "the agent knows where the code waits");

        // once the collector answers, installing again enrols and drops the kept code
        Outcome again = install(goodCode);
        assertEquals(0, again.exit(), again.out());
        assertTrue(Files.readString(root.resolve("etc/digiclub/enrolment")).startsWith("enrolled: device dev-1"));
        assertFalse(Files.exists(root.resolve("etc/digiclub/enrol-code")));
    }

    @Test
    void verifyNamesWhatIsWrongAndHowToFixIt() throws Exception {
        assertEquals(0, install(goodCode).exit());
        Files.setPosixFilePermissions(
                root.resolve("etc/digiclub/agent.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.delete(root.resolve("opt/digiclub/kiosk/digiclub-kiosk.jar"));
        Files.writeString(
                root.resolve("etc/systemd/system/digiclub-agent.service"),
                "\n# edited\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(
                root.resolve("etc/group"),
                Files.readString(root.resolve("etc/group"))
                        .replaceFirst("(?m)^(digiclub-kiosk:x:\\d+:)$", "$1digiclub-visitor"));
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("WRONG /etc/digiclub/agent.properties is mode 0644, should be 0600"), v.out());
        assertTrue(v.out().contains("fix: chmod 0600 "), v.out());
        assertTrue(v.out().contains("WRONG /opt/digiclub/kiosk/digiclub-kiosk.jar is missing"), v.out());
        assertTrue(v.out().contains("WRONG /etc/systemd/system/digiclub-agent.service differs"), v.out());
        assertTrue(v.out().contains("WRONG digiclub-visitor is in the group digiclub-kiosk"), v.out());
        assertTrue(v.out().contains("verify: 4 thing(s) wrong"), v.out());
    }

    @Test
    void upgradeKeepsDataAndConfigAndReplacesThePrograms() throws Exception {
        assertEquals(0, install(goodCode).exit());
        Files.writeString(root.resolve("var/lib/digiclub/agent.db"), "the club's records");
        Files.writeString(root.resolve("var/log/digiclub/agent.log"), "a log line");
        Path agentProps = root.resolve("etc/digiclub/agent.properties");
        Files.writeString(agentProps, "members.daily-minutes = 45\n", java.nio.file.StandardOpenOption.APPEND);
        Path kioskProps = root.resolve("etc/digiclub/kiosk.properties");
        Files.writeString(kioskProps, "club.name=Читалище\n", java.nio.file.StandardOpenOption.APPEND);
        Map<String, String> kept = listing(root).entrySet().stream()
                .filter(e -> e.getKey().startsWith("/var/lib/digiclub/")
                        || e.getKey().startsWith("/var/log/digiclub/")
                        || e.getKey().startsWith("/etc/digiclub/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));

        from = release(tmp.resolve("release2"), "2");
        Outcome u = cli("upgrade", "--root", root.toString(), "--from", from.toString());
        assertEquals(0, u.exit(), u.out());
        Map<String, String> after = listing(root);
        kept.forEach((path, attrs) -> assertEquals(attrs, after.get(path), path));
        assertEquals("kiosk 2", Files.readString(root.resolve("opt/digiclub/kiosk/digiclub-kiosk.jar")));
        assertTrue(Files.exists(root.resolve("opt/digiclub/kiosk/lib/javafx-2.jar")));
        assertFalse(Files.exists(root.resolve("opt/digiclub/kiosk/lib/javafx-1.jar")), "the old library is gone");
        assertEquals(0, cli("verify", "--root", root.toString()).exit());
    }

    @Test
    void verifyNotesTheKioskKeysOfAnOlderVersionWhichStillWork() throws Exception {
        assertEquals(0, install(goodCode).exit());
        Path kioskProps = root.resolve("etc/digiclub/kiosk.properties");
        Files.writeString(kioskProps, "idle.timeout.minutes=7\n", java.nio.file.StandardOpenOption.APPEND);
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), "an old key name is no problem: " + v.out());
        assertTrue(
                v.out()
                        .contains("NOTE  " + kioskProps
                                + ": key 'idle.timeout.minutes' is now called 'idle.timeout-minutes'"),
                v.out());

        Files.writeString(kioskProps, "idle.timeout-minutes=7\n", java.nio.file.StandardOpenOption.APPEND);
        Outcome both = cli("verify", "--root", root.toString());
        assertEquals(1, both.exit(), both.out());
        assertTrue(
                both.out()
                        .contains("WRONG " + kioskProps + ": key 'idle.timeout.minutes': is the old name of "
                                + "'idle.timeout-minutes', which is set too"),
                both.out());
    }

    @Test
    void uninstallLeavesOnlyTheDataAndPurgeLeavesNothing() throws Exception {
        assertEquals(0, install(goodCode).exit());
        Files.writeString(root.resolve("var/lib/digiclub/agent.db"), "the club's records");
        Outcome un = cli("uninstall", "--root", root.toString());
        assertEquals(0, un.exit(), un.out());
        java.util.Set<String> left = pathsBesidesAccountFiles(listing(root));
        left.removeAll(pathsBesidesAccountFiles(before));
        java.util.Set<String> emptyParents = java.util.Set.of(
                "/var",
                "/var/lib",
                "/var/log",
                "/etc/systemd",
                "/etc/systemd/system",
                "/etc/systemd/system/multi-user.target.wants",
                "/etc/systemd/system/graphical.target.wants",
                "/etc/systemd/logind.conf.d",
                "/etc/X11",
                "/etc/X11/xorg.conf.d",
                "/etc/sysctl.d",
                "/opt",
                "/home",
                "/etc/chromium",
                "/etc/chromium/policies",
                "/etc/chromium/policies/managed",
                "/etc/firefox",
                "/etc/firefox/policies",
                "/etc/udisks2",
                "/etc/polkit-1",
                "/etc/polkit-1/rules.d");
        java.util.Set<String> dataAndParents = new java.util.HashSet<>(emptyParents);
        dataAndParents.addAll(List.of("/var/lib/digiclub", "/var/lib/digiclub/agent.db", "/var/log/digiclub"));
        assertEquals(dataAndParents, left, "only the data and empty parents");
        assertTrue(
                Files.readString(root.resolve("etc/passwd")).contains("digiclub-visitor"),
                "accounts stay without --purge");

        Outcome purge = cli("uninstall", "--purge", "--root", root.toString());
        assertEquals(0, purge.exit(), purge.out());
        left = pathsBesidesAccountFiles(listing(root));
        left.removeAll(pathsBesidesAccountFiles(before));
        assertEquals(emptyParents, left, "only empty parents of what was installed");
        for (String f : List.of("passwd", "group", "shadow", "gshadow")) {
            assertFalse(Files.readString(root.resolve("etc/" + f)).contains("digiclub"), f);
        }
    }

    @Test
    void aFailureInTheMiddleUndoesEverythingAndNamesTheStep() throws Exception {
        // something in the way where the kiosk's directory goes
        Files.createDirectories(root.resolve("opt/digiclub"));
        Files.writeString(root.resolve("opt/digiclub/kiosk"), "not a directory");
        before = listing(root);
        Map<String, String> accountFiles = new TreeMap<>();
        for (String f : List.of("passwd", "group", "shadow", "gshadow")) {
            accountFiles.put(f, Files.readString(root.resolve("etc/" + f)));
        }
        Outcome o = install(goodCode);
        assertEquals(1, o.exit(), o.out());
        assertTrue(
                o.out()
                        .contains("step \"program files\" failed: " + root.resolve("opt/digiclub/kiosk")
                                + " exists and is not a directory"),
                o.out());
        assertTrue(o.out().contains("undone: the "), o.out());
        assertFalse(o.out().contains("NOT undone"), o.out());
        assertEquals(pathsBesidesAccountFiles(before), pathsBesidesAccountFiles(listing(root)));
        Map<String, String> after = listing(root);
        // a directory's mtime moves when entries are made in it and removed again: compared without it
        pathsBesidesAccountFiles(before)
                .forEach(p ->
                        assertEquals(withoutDirectoryMtime(before.get(p)), withoutDirectoryMtime(after.get(p)), p));
        for (String f : accountFiles.keySet()) {
            assertEquals(accountFiles.get(f), Files.readString(root.resolve("etc/" + f)), f);
        }
    }

    @Test
    void aFailureAfterFilesWereReplacedPutsTheOldOnesBack() throws Exception {
        assertEquals(0, install(goodCode).exit());
        // the agent's configuration blocked by a directory: the step after the new program files
        Path props = root.resolve("etc/digiclub/agent.properties");
        Files.delete(props);
        Files.createDirectory(props);
        Files.setPosixFilePermissions(props, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> installed = listing(root);
        from = release(tmp.resolve("release2"), "2");
        Outcome o = install(goodCode);
        assertEquals(1, o.exit(), o.out());
        assertTrue(o.out().contains("step \"agent configuration\" failed: " + props + " is a directory"), o.out());
        assertFalse(o.out().contains("NOT undone"), o.out());
        Map<String, String> after = listing(root);
        assertEquals(installed.keySet(), after.keySet());
        installed.forEach(
                (p, attrs) -> assertEquals(withoutDirectoryMtime(attrs), withoutDirectoryMtime(after.get(p)), p));
        assertEquals("kiosk 1", Files.readString(root.resolve("opt/digiclub/kiosk/digiclub-kiosk.jar")));
    }
}
