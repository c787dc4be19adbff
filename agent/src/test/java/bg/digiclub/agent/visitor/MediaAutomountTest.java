package bg.digiclub.agent.visitor;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.config.AgentConfigLoader;
import bg.digiclub.agent.config.CommandLineOverrides;

/**
 * What {@link MediaAutomount} mounts for the visitor, and when, with {@code lsblk} and
 * {@code udisksctl} as fake executables at the edge: shell scripts in a temporary directory that the
 * class is pointed at. There is no udisks daemon and no USB here (nor in CI), so nothing is really
 * mounted: the fake lsblk prints a JSON file the test writes (in lsblk 2.38's format, see
 * {@code src/test/resources/visitor/lsblk/README.txt}), the fake udisksctl appends the uid it runs as
 * and its arguments to a file, and fails when the test asks it to. Rounds are run by the test
 * ({@link MediaAutomount#round()}), not by the class's thread. The last test runs as root: the
 * udisksctl command really runs as the visitor's uid, through {@link LinuxVisitorAccount#toolCommand}.
 */
class MediaAutomountTest {
    private static final List<Path> MEDIA = VisitorSettings.defaultMediaDirs("digiclub-visitor");
    private static final String NOTHING = "{\"blockdevices\": []}";

    @TempDir
    Path dir;

    Path listing;
    Path calls;
    MediaAutomount automount;

    @BeforeEach
    void fakes() throws Exception {
        TestAccount.traversable(dir);
        listing = dir.resolve("lsblk.json");
        calls = dir.resolve("calls");
        Files.writeString(listing, NOTHING);
        automount = new MediaAutomount(
                lsblk(),
                udisksctl(),
                argv -> new ProcessBuilder(argv).redirectErrorStream(true),
                MEDIA,
                Duration.ofSeconds(20));
        automount.round(); // the agent's start: nothing plugged in
    }

    @Test
    void newSticksAreMountedOnlyWhileASessionIsOpenAndEachOnce() throws Exception {
        plugIn("club-pc.json");
        automount.round();
        assertEquals(List.of(), mounted(), "between sessions nothing is mounted");

        automount.sessionOpened();
        automount.round();
        assertEquals(List.of("/dev/sdb1", "/dev/sdc2", "/dev/sdd", "/dev/sr0"), mounted());
        for (String call : calls()) {
            assertTrue(call.endsWith(" mount -b " + call.split(" ")[3] + " --no-user-interaction"), call);
        }
        automount.round();
        automount.round();
        assertEquals(4, mounted().size(), "each device once per session");
    }

    @Test
    void aFailedMountIsTriedOnceNotInALoop() throws Exception {
        Files.writeString(dir.resolve("fail"), "");
        automount.sessionOpened();
        plugIn("club-pc.json");
        for (int i = 0; i < 5; i++) {
            automount.round();
        }
        assertEquals(List.of("/dev/sdb1", "/dev/sdc2", "/dev/sdd", "/dev/sr0"), mounted());
    }

    @Test
    void aStickLeftInThePcIsNotMountedForTheNextVisitorUntilPluggedInAgain() throws Exception {
        automount.sessionOpened();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.round();
        assertEquals(List.of("/dev/sdb1"), mounted());

        // the visitor leaves; the reset unmounts the stick (RemovableMedia), which stays in the PC
        automount.sessionEnding();
        automount.round();
        automount.sessionOpened();
        automount.round();
        automount.round();
        assertEquals(List.of("/dev/sdb1"), mounted(), "the next visitor does not get the previous one's stick opened");

        automount.sessionEnding();
        automount.sessionOpened();
        automount.round();
        assertEquals(1, mounted().size(), "nor the one after");

        plugIn(NOTHING);
        automount.round();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.round();
        assertEquals(List.of("/dev/sdb1", "/dev/sdb1"), mounted(), "pulled out and plugged in again: opened");
    }

    /** Plugged in just before the session ended: listed before udev read its serial and file system. */
    @Test
    void aStickLeftBehindBeforeUdevHadReadItIsStillLeftBehind() throws Exception {
        automount.sessionOpened();
        plugIn("""
                {"blockdevices": [
                   {"path": "/dev/sdb", "type": "disk", "tran": "usb", "hotplug": true, "rm": true, "fstype": null,
                    "mountpoint": null, "serial": null, "uuid": null, "children": [
                      {"path": "/dev/sdb1", "type": "part", "tran": null, "hotplug": true, "rm": true, "fstype": null,
                       "mountpoint": null, "serial": null, "uuid": null}]}
                ]}""");
        automount.sessionEnding();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.round();
        automount.sessionOpened();
        automount.round();
        assertEquals(List.of(), mounted());

        plugIn(NOTHING);
        automount.round();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.round();
        assertEquals(List.of("/dev/sdb1"), mounted(), "pulled out and plugged in again");
    }

    @Test
    void anotherStickInTheSamePortBetweenTwoListsIsNotTheLeftBehindOne() throws Exception {
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.sessionOpened();
        automount.round();
        automount.sessionEnding();

        // swapped faster than a list: same path, another serial and volume id
        plugIn(stick("/dev/sdb1", "AA00000000000489", "E2B4-7C19"));
        automount.sessionOpened();
        automount.round();
        assertEquals(List.of("/dev/sdb1", "/dev/sdb1"), mounted());
    }

    @Test
    void aStickPluggedInOnTheLockScreenIsTheNextVisitorsButNotOneLeftAfterMaintenance() throws Exception {
        automount.sessionOpened();
        automount.sessionEnding();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.round();
        automount.sessionOpened();
        automount.round();
        assertEquals(List.of("/dev/sdb1"), mounted(), "plugged in after the reset, before the session: mounted");

        automount.sessionEnding();
        plugIn(NOTHING);
        automount.round();
        // staff plug in their stick while the PC is unlocked for maintenance, and forget it
        plugIn(stick("/dev/sdc1", "07015A3B9E8C2D41", "64E2-19C7"));
        automount.round();
        automount.maintenanceOver();
        automount.sessionOpened();
        automount.round();
        assertEquals(List.of("/dev/sdb1"), mounted(), "what is plugged in when maintenance ends is left behind");
    }

    @Test
    void whatIsPluggedInWhenTheAgentStartsIsLeftBehind() throws Exception {
        plugIn("club-pc.json");
        MediaAutomount restarted =
                new MediaAutomount(lsblk(), udisksctl(), ProcessBuilder::new, MEDIA, Duration.ofSeconds(20));
        restarted.round();
        restarted.sessionOpened();
        restarted.round();
        assertEquals(List.of(), mounted());
    }

    @Test
    void whenTheListFailsAsTheSessionEndsEverythingSeenNextIsLeftBehind() throws Exception {
        automount.sessionOpened();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        automount.round();
        Files.writeString(dir.resolve("lsblk-broken"), "");
        automount.sessionEnding();
        automount.round();
        Files.delete(dir.resolve("lsblk-broken"));

        automount.sessionOpened();
        automount.round();
        assertEquals(
                List.of("/dev/sdb1"), mounted(), "not knowing what was left, nothing present is the next visitor's");
    }

    @Test
    void nothingIsMountedOnceTheResetBegan() throws Exception {
        automount.sessionOpened();
        automount.sessionEnding();
        plugIn("club-pc.json");
        automount.round();
        assertEquals(List.of(), mounted());
    }

    /**
     * The session ends while a round is mounting the first of four devices: the reset waits for that
     * mount (its unmount then finds it), and the round mounts nothing more once the reset began.
     */
    @Test
    void aResetWaitsForTheMountInProgressAndStopsTheRest() throws Exception {
        Files.writeString(dir.resolve("hold"), "");
        automount.sessionOpened();
        plugIn("club-pc.json");
        Thread round = new Thread(automount::round, "round");
        round.start();
        TestAccount.awaitFile(dir.resolve("holding"));

        AtomicReference<String> seenByReset = new AtomicReference<>();
        Thread reset = new Thread(
                () -> {
                    automount.sessionEnding();
                    seenByReset.set(String.join("\n", calls()));
                },
                "reset");
        reset.start();
        // parked on the automount's lock (the mount holds it), not merely slow to start
        await("the reset parked on the automount's lock").until(() -> reset.getState() == Thread.State.WAITING);
        assertEquals(Thread.State.WAITING, reset.getState(), "the reset waits while a mount is in progress");
        assertEquals(List.of(), mounted(), "the mount is still in progress");
        Files.delete(dir.resolve("hold"));
        reset.join(20_000);
        round.join(20_000);

        assertEquals(List.of("/dev/sdb1"), mounted(), "nothing after the reset began");
        assertTrue(
                seenByReset.get().contains("/dev/sdb1"),
                "the reset went on after the mount had finished: " + seenByReset.get());
    }

    /** As root: udisksctl runs as the visitor (uid, gid, no other groups), with a clean environment. */
    @Test
    void udisksctlRunsAsTheVisitorWithACleanEnvironment() throws Exception {
        PosixAccount account = TestAccount.get();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path seen = shared.resolve("seen");
        Path udisksctl = script(
                "udisksctl-as",
                "{ echo \"uid=$(id -u)\"; echo \"gid=$(id -g)\"; echo \"groups=$(id -G)\";"
                        + " echo \"cwd=$(pwd)\"; echo \"args=$*\"; env | sed 's/^/env:/'; } > " + seen + "\n");
        Path home = Files.createDirectory(dir.resolve("home"));
        LinuxVisitorAccount visitor = new LinuxVisitorAccount(
                account,
                home,
                Files.createDirectory(dir.resolve("template")),
                List.of(),
                MEDIA,
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "bg_BG.UTF-8", true),
                true);
        MediaAutomount asVisitor =
                new MediaAutomount(lsblk(), udisksctl, visitor::toolCommand, MEDIA, Duration.ofSeconds(20));
        asVisitor.round();
        asVisitor.sessionOpened();
        plugIn(stick("/dev/sdb1", "4C530001230915117324", "5A3C-1F2B"));
        asVisitor.round();

        Map<String, String> report = new HashMap<>();
        List<String> env = new ArrayList<>();
        for (String line : Files.readAllLines(seen)) {
            if (line.startsWith("env:")) {
                env.add(line.substring(4, line.indexOf('=')));
            } else {
                report.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertEquals(Integer.toString(account.uid()), report.get("uid"));
        assertEquals(Integer.toString(account.gid()), report.get("gid"));
        assertEquals(
                Integer.toString(account.gid()),
                report.get("groups"),
                "--clear-groups: none of root's, none of the account's");
        assertEquals("/", report.get("cwd"));
        assertEquals("mount -b /dev/sdb1 --no-user-interaction", report.get("args"));
        // sh adds PWD, SHLVL and _ itself
        assertTrue(
                Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "PWD", "SHLVL", "_")
                        .containsAll(env),
                env.toString());
        assertTrue(Files.readAllLines(seen).contains("env:LANG=C"));
        assertTrue(Files.readAllLines(seen).contains("env:USER=" + account.name()));
    }

    /** The demo, a PC without a visitor account, and {@code visitor.media-automount = false} get none. */
    @Test
    void noneForTheDemoAPcWithoutAnAccountOrWhenTurnedOff() throws Exception {
        AgentConfig plain = config("");
        assertTrue(VisitorAccounts.mediaAutomount(config("visitor.demo=true\n").visitor(), new DemoVisitorAccount())
                .isEmpty());
        assertTrue(VisitorAccounts.mediaAutomount(plain.visitor(), new UnsupportedVisitorAccount("none configured"))
                .isEmpty());

        PosixAccount account = TestAccount.get();
        LinuxVisitorAccount linux = new LinuxVisitorAccount(
                account,
                dir.resolve("home"),
                dir,
                List.of(),
                MEDIA,
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "C", false),
                true);
        assertTrue(VisitorAccounts.mediaAutomount(
                        config("visitor.account=" + account.name() + "\nvisitor.media-automount=false\n")
                                .visitor(),
                        linux)
                .isEmpty());
        // on: only where udisks is installed (not on the development container)
        assertEquals(
                RemovableMedia.installedUdisksctl().isPresent(),
                VisitorAccounts.mediaAutomount(
                                config("visitor.account=" + account.name() + "\n")
                                        .visitor(),
                                linux)
                        .isPresent());
    }

    private AgentConfig config(String text) throws Exception {
        Path f = dir.resolve("agent.properties");
        Files.writeString(f, text);
        return AgentConfigLoader.load(
                new CommandLineOverrides(Optional.of(f), Optional.of(dir), Optional.empty(), Optional.empty()));
    }

    private Path lsblk() throws Exception {
        return script(
                "lsblk",
                "[ -e " + dir.resolve("lsblk-broken") + " ] && { echo 'lsblk: failed to access sysfs directory'"
                        + " >&2; exit 32; }\ncat " + listing + "\n");
    }

    /** Records "uid args" in {@link #calls}; fails as polkit would when asked; holds while "hold" exists. */
    private Path udisksctl() throws Exception {
        return script(
                "udisksctl",
                String.join(
                        "\n",
                        "if [ -e " + dir.resolve("hold") + " ]; then touch " + dir.resolve("holding") + "; while [ -e "
                                + dir.resolve("hold") + " ]; do sleep 0.02; done; fi",
                        "echo \"$(id -u) $*\" >> " + calls,
                        "if [ -e " + dir.resolve("fail")
                                + " ]; then echo \"Error mounting $3: GDBus.Error:org.freedesktop.UDisks2.Error"
                                + ".NotAuthorizedCanObtain: Not authorized to perform operation\" >&2; exit 1; fi",
                        "echo \"Mounted $3 at /media/digiclub-visitor/STICK\"",
                        ""));
    }

    private Path script(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    private void plugIn(String fixtureOrJson) throws Exception {
        Files.writeString(
                listing, fixtureOrJson.endsWith(".json") ? BlockDevicesTest.fixture(fixtureOrJson) : fixtureOrJson);
    }

    /** A USB stick with one FAT partition, not mounted, in lsblk 2.38's form. */
    private static String stick(String partition, String serial, String uuid) {
        String disk = partition.replaceAll("[0-9]+$", "");
        return """
                {"blockdevices": [
                   {"path": "%s", "type": "disk", "tran": "usb", "hotplug": true, "rm": true, "fstype": null,
                    "mountpoint": null, "serial": "%s", "uuid": null, "children": [
                      {"path": "%s", "type": "part", "tran": null, "hotplug": true, "rm": true, "fstype": "vfat",
                       "mountpoint": null, "serial": "%s", "uuid": "%s"}]}
                ]}""".formatted(disk, serial, partition, serial, uuid);
    }

    private List<String> calls() {
        try {
            return Files.exists(calls, LinkOption.NOFOLLOW_LINKS) ? Files.readAllLines(calls) : List.of();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The devices the fake udisksctl was asked to mount, in order. */
    private List<String> mounted() {
        return calls().stream().map(c -> c.split(" ")[3]).toList();
    }
}
