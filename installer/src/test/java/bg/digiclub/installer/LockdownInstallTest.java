package bg.digiclub.installer;

import static bg.digiclub.installer.InstallerLinuxTest.cli;
import static bg.digiclub.installer.InstallerLinuxTest.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.installer.InstallerLinuxTest.Outcome;
import bg.digiclub.installer.linux.VisitorHomeMount;

/**
 * The lockdown's part of install, upgrade, verify and uninstall against a directory tree, as
 * root (the accounts are made in the tree with useradd --prefix): the tmpfs unit, the browser
 * policies, udisks and polkit files laid out; the nightly restart off until asked, then at the
 * time asked, changed, and off again; installing twice changes nothing; verify names a changed
 * or missing file and a half-done restart; uninstall leaves none of it.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root")
class LockdownInstallTest {
    static final List<String> FILES = List.of(
            "/etc/systemd/system/home-digiclub\\x2dvisitor.mount",
            "/etc/systemd/system/digiclub-nightly-reboot.service",
            "/etc/systemd/system/digiclub-nightly-reboot.timer",
            "/etc/chromium/policies/managed/digiclub.json",
            "/etc/firefox/policies/policies.json",
            "/etc/udisks2/mount_options.conf",
            "/etc/polkit-1/rules.d/50-digiclub-visitor-media.rules");
    static final String LINK = "/etc/systemd/system/timers.target.wants/digiclub-nightly-reboot.timer";
    static final String DROP_IN = "/etc/systemd/system/digiclub-nightly-reboot.timer.d/digiclub-time.conf";

    @TempDir
    Path tmp;

    InstallerLinuxTest base;
    Path root;
    Path from;
    Path code;

    /** The same tree, release and enrolment code as InstallerLinuxTest's (its own set-up, run here). */
    @BeforeEach
    void setUp() throws Exception {
        base = new InstallerLinuxTest();
        base.tmp = tmp;
        base.setUp();
        root = base.root;
        from = base.from;
        code = base.goodCode;
    }

    Outcome install(String... more) {
        return base.install(code, more);
    }

    Outcome upgrade(String... more) {
        List<String> args = new ArrayList<>(List.of("upgrade", "--root", root.toString(), "--from", from.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    Path at(String layoutPath) {
        return root.resolve(layoutPath.substring(1));
    }

    String entry(String layoutPath) throws Exception {
        String e = listing(root).get(layoutPath);
        return e == null ? null : e.substring(0, e.indexOf(' ', 7));
    }

    @Test
    void installLaysOutTheLockdownAndLeavesTheNightlyRestartOff() throws Exception {
        Outcome o = install();
        assertEquals(0, o.exit(), o.out());
        for (String f : FILES) {
            assertEquals("f 0644 0:0", entry(f), f);
            byte[] want = f.equals(VisitorHomeMount.UNIT)
                    ? VisitorHomeMount.unit()
                    : Files.readAllBytes(
                            Path.of(getClass().getResource("/payload/linux" + f).toURI()));
            assertEquals(new String(want, StandardCharsets.UTF_8), Files.readString(at(f)), f);
        }
        assertFalse(Files.exists(at(LINK), LinkOption.NOFOLLOW_LINKS), "the restart is off unless asked for");
        assertFalse(Files.exists(at(DROP_IN)));
        assertFalse(listing(root).keySet().stream().anyMatch(p -> p.contains(".wants/") && p.contains("nightly")));
        assertFalse(
                listing(root).keySet().stream().anyMatch(p -> p.contains(".wants/home-")),
                "the tmpfs is the agent's, not enabled");
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), v.out());
        assertTrue(
                v.out().contains("NOTE  no nightly restart (digiclub-nightly-reboot.timer is not enabled)"), v.out());
    }

    @Test
    void theNightlyRestartIsOnAtTheTimeAskedChangedAndOffAgain() throws Exception {
        Outcome o = install("--nightly-reboot", "04:15");
        assertEquals(0, o.exit(), o.out());
        assertEquals(
                "l 0777 0:0 /etc/systemd/system/digiclub-nightly-reboot.timer",
                listing(root).get(LINK));
        assertEquals("f 0644 0:0", entry(DROP_IN));
        assertTrue(
                Files.readString(at(DROP_IN)).contains("\n[Timer]\nOnCalendar=\nOnCalendar=*-*-* 04:15:00\n"),
                Files.readString(at(DROP_IN)));
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(0, v.exit(), v.out());
        assertTrue(v.out().contains("NOTE  the PC restarts every night at 04:15"), v.out());
        assertTimerVerifies("*-*-* 04:15:00");

        // not asked again: kept as it is, by install and by upgrade
        Map<String, String> on = listing(root);
        Outcome again = install();
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("nothing to change"), again.out());
        assertEquals(on, listing(root));
        assertEquals(0, upgrade().exit());
        assertEquals(on.get(DROP_IN), listing(root).get(DROP_IN));
        assertEquals(on.get(LINK), listing(root).get(LINK));

        Outcome later = upgrade("--nightly-reboot", "23:05");
        assertEquals(0, later.exit(), later.out());
        assertTrue(Files.readString(at(DROP_IN)).contains("OnCalendar=*-*-* 23:05:00\n"));
        assertTimerVerifies("*-*-* 23:05:00");

        Outcome off = upgrade("--nightly-reboot", "off");
        assertEquals(0, off.exit(), off.out());
        assertFalse(Files.exists(at(LINK), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(at(DROP_IN).getParent()), "the drop-in directory goes with its file");
        assertTrue(cli("verify", "--root", root.toString()).out().contains("NOTE  no nightly restart"));
    }

    @Test
    void installingTwiceWithTheRestartChangesNothing() throws Exception {
        assertEquals(0, install("--nightly-reboot", "03:30").exit());
        Map<String, String> first = listing(root);
        Outcome second = install("--nightly-reboot", "03:30");
        assertEquals(0, second.exit(), second.out());
        assertTrue(second.out().contains("nothing to change"), second.out());
        assertEquals(first, listing(root));
    }

    @Test
    void aWrongTimeIsAUsageErrorAndChangesNothing() throws Exception {
        Map<String, String> before = listing(root);
        for (String wrong : List.of("3:30", "24:00", "03:60", "noon", "03:30:00")) {
            Outcome o = install("--nightly-reboot", wrong);
            assertEquals(2, o.exit(), wrong + ": " + o.out());
            assertTrue(
                    o.out().contains("--nightly-reboot " + wrong + ": give the time as HH:MM on the 24-hour clock"),
                    o.out());
        }
        assertEquals(before, listing(root));
    }

    @Test
    void verifyNamesAChangedPolicyAMissingRuleAndAHalfDoneRestart() throws Exception {
        assertEquals(0, install("--nightly-reboot", "03:30").exit());
        Files.writeString(at("/etc/chromium/policies/managed/digiclub.json"), "{\"DeveloperToolsAvailability\": 1}\n");
        Files.delete(at("/etc/polkit-1/rules.d/50-digiclub-visitor-media.rules"));
        Files.setPosixFilePermissions(
                at("/etc/udisks2/mount_options.conf"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.delete(at(LINK));
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(1, v.exit(), v.out());
        assertTrue(
                v.out()
                        .contains(
                                "WRONG /etc/chromium/policies/managed/digiclub.json differs from what this installer lays out"),
                v.out());
        assertTrue(v.out().contains("WRONG /etc/polkit-1/rules.d/50-digiclub-visitor-media.rules is missing"), v.out());
        assertTrue(v.out().contains("WRONG /etc/udisks2/mount_options.conf is mode 0666, should be 0644"), v.out());
        assertTrue(
                v.out()
                        .contains(
                                "WRONG a nightly restart at 03:30 was asked for, but digiclub-nightly-reboot.timer is not enabled"),
                v.out());
        assertTrue(v.out().contains("verify: 4 thing(s) wrong"), v.out());

        // upgrade puts the files back and keeps the half-done restart for the administrator to decide
        assertEquals(0, upgrade().exit());
        Outcome after = cli("verify", "--root", root.toString());
        assertEquals(1, after.exit(), after.out());
        assertTrue(after.out().contains("verify: 1 thing(s) wrong"), after.out());
        assertEquals(0, upgrade("--nightly-reboot", "03:30").exit());
        assertEquals(0, cli("verify", "--root", root.toString()).exit());
    }

    @Test
    void verifyNamesARestartEnabledWithoutItsTimeAndATimeSystemdWouldNotRead() throws Exception {
        assertEquals(0, install("--nightly-reboot", "03:30").exit());
        Files.writeString(at(DROP_IN), "[Timer]\nOnCalendar=\nOnCalendar=tomorrow-ish\n");
        Outcome v = cli("verify", "--root", root.toString());
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("WRONG " + DROP_IN + " has no OnCalendar=*-*-* HH:MM:00 line"), v.out());
        Files.delete(at(DROP_IN));
        v = cli("verify", "--root", root.toString());
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("WRONG digiclub-nightly-reboot.timer is enabled without its time"), v.out());
    }

    @Test
    void uninstallRemovesTheLockdownAndTheRestart() throws Exception {
        Map<String, String> before = listing(root);
        assertEquals(0, install("--nightly-reboot", "03:30").exit());
        Outcome un = cli("uninstall", "--root", root.toString());
        assertEquals(0, un.exit(), un.out());
        Map<String, String> after = listing(root);
        for (String f : FILES) {
            assertFalse(after.containsKey(f), f + " left");
        }
        assertFalse(after.containsKey(LINK), "the restart's link left");
        assertFalse(after.containsKey(DROP_IN.substring(0, DROP_IN.lastIndexOf('/'))), "the restart's drop-in left");
        // what is left of the lockdown: empty directories only (others' packages own /etc/chromium, /etc/polkit-1 ...)
        for (String p : after.keySet()) {
            if (!before.containsKey(p)
                    && (p.startsWith("/etc/chromium")
                            || p.startsWith("/etc/firefox")
                            || p.startsWith("/etc/udisks2")
                            || p.startsWith("/etc/polkit-1")
                            || p.contains("nightly")
                            || p.contains("timers"))) {
                assertTrue(after.get(p).startsWith("d "), p + " left: " + after.get(p));
            }
        }
    }

    @Test
    void everyInstalledUnitPassesSystemdAnalyzeVerifyWithTheAgentPullingInTheTmpfs() throws Exception {
        assertEquals(0, install("--nightly-reboot", "03:30").exit());
        // systemd-analyze reads the installed units (and the timer's drop-in) from a copy of the tree's
        // /etc/systemd/system put first on its unit path; the programs of ours point into the tree
        Path units = Files.createDirectories(tmp.resolve("units"));
        copyUnits(at("/etc/systemd/system"), units);
        List<String> names;
        try (Stream<Path> s = Files.list(units)) {
            names = s.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertTrue(
                names.containsAll(List.of(
                        "digiclub-agent.service",
                        "home-digiclub\\x2dvisitor.mount",
                        "digiclub-nightly-reboot.service",
                        "digiclub-nightly-reboot.timer")),
                names.toString());
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify"));
        cmd.addAll(names);
        Analysis a = analyze(units, cmd);
        assertEquals(0, a.exit(), a.out());
        assertEquals("", a.out(), "systemd-analyze said something about " + names);
    }

    /** The timer with its drop-in passes systemd-analyze, and a time it cannot read in the drop-in would fail it. */
    private void assertTimerVerifies(String onCalendar) throws Exception {
        Path units = Files.createDirectories(tmp.resolve("timer-" + onCalendar.replaceAll("[^0-9]", "")));
        copyUnits(at("/etc/systemd/system"), units);
        Analysis a = analyze(units, List.of("systemd-analyze", "verify", "digiclub-nightly-reboot.timer"));
        assertEquals(0, a.exit(), a.out());
        assertEquals("", a.out());
        Path dropIn = units.resolve("digiclub-nightly-reboot.timer.d/digiclub-time.conf");
        assertTrue(Files.readString(dropIn).contains("OnCalendar=" + onCalendar + "\n"));
        Files.writeString(dropIn, Files.readString(dropIn).replace(onCalendar, "*-*-* 25:61:00"));
        Analysis bad = analyze(units, List.of("systemd-analyze", "verify", "digiclub-nightly-reboot.timer"));
        assertFalse(bad.exit() == 0 && bad.out().isEmpty(), "the drop-in was not read: " + bad.out());
    }

    record Analysis(int exit, String out) {}

    private static Analysis analyze(Path unitDir, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(unitDir.toFile()).redirectErrorStream(true);
        pb.environment().put("SYSTEMD_UNIT_PATH", unitDir + ":"); // ours first, then this machine's
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Analysis(p.waitFor(), out);
    }

    /** Unit files and drop-ins, not the .wants links; /opt/digiclub paths pointed into the tree. */
    private void copyUnits(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (Files.isSymbolicLink(p) || rel.toString().contains(".wants")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(rel.toString()));
                } else {
                    Files.writeString(
                            to.resolve(rel.toString()),
                            Files.readString(p)
                                    .replace(" /opt/digiclub/", " " + root + "/opt/digiclub/")
                                    .replace("=/opt/digiclub/", "=" + root + "/opt/digiclub/"));
                }
            }
        }
    }
}
