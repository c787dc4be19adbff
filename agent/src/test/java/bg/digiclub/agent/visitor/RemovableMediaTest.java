package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.visitor.MountTable.Mount;
import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's removable media unmounted at reset, on real mounts: small tmpfs file systems
 * mounted (as root) below temporary media directories stand in for the sticks udisks mounts.
 * Runs as root; whatever a failed test leaves mounted is unmounted afterwards.
 */
class RemovableMediaTest {
    @TempDir
    Path dir;

    private Path media;
    private Path runMedia;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        TestAccount.get();
        TestAccount.traversable(dir);
        media = Files.createDirectories(dir.resolve("media/visitor"));
        runMedia = Files.createDirectories(dir.resolve("run/media/visitor"));
    }

    @AfterEach
    void unmountWhatIsLeft() throws Exception {
        for (Process p : started) {
            p.destroyForcibly().waitFor();
        }
        List<Mount> left = MountTable.read().stream()
                .filter(m -> m.mountPoint().startsWith(dir))
                .toList();
        for (Mount m : left.stream()
                .sorted(Comparator.comparing((Mount m) -> m.mountPoint().getNameCount())
                        .reversed())
                .toList()) {
            TestAccount.run(List.of("umount", "-l", m.mountPoint().toString()));
        }
    }

    @Test
    void everythingMountedInTheMediaDirsIsUnmountedAndNothingElse() throws Exception {
        Path stick = tmpfs(media.resolve("USB STICK"), "tmpfs");
        Path nested = tmpfs(stick.resolve("inner"), "tmpfs");
        Path card = tmpfs(runMedia.resolve("ФЛАШКА 2"), "tmpfs");
        Path outside = tmpfs(dir.resolve("not-media"), "tmpfs");
        Path neighbour =
                tmpfs(Files.createDirectories(dir.resolve("media/visitor-2")).resolve("stick"), "tmpfs");
        int outsideId = mountAt(outside).orElseThrow().id();

        WipeStepResult result = new RemovableMedia(List.of(media, runMedia), null, MountTable.SELF).unmountAll();

        assertEquals(RemovableMedia.STEP, result.step());
        assertTrue(result.ok(), result.toString());
        assertTrue(result.detail().startsWith("unmounted 3: "), result.detail());
        assertTrue(result.detail().contains(stick + " (tmpfs tmpfs)"), result.detail());
        for (Path gone : List.of(stick, nested, card)) {
            assertTrue(mountAt(gone).isEmpty(), gone + " is still mounted");
        }
        assertEquals(outsideId, mountAt(outside).orElseThrow().id(), "a mount outside the media directories stays");
        assertTrue(
                mountAt(neighbour).isPresent(),
                "a directory whose name only starts like the media directory's is not in it");
        assertEquals(
                "nothing mounted in " + List.of(media, runMedia),
                new RemovableMedia(List.of(media, runMedia), null, MountTable.SELF)
                        .unmountAll()
                        .detail());
    }

    @Test
    void aMountInUseStaysAndFailsTheStepNamingIt() throws Exception {
        Path busy = tmpfs(media.resolve("BUSY STICK"), "tmpfs");
        Path free = tmpfs(media.resolve("free"), "tmpfs");
        // root's, not the visitor's: nothing of the reset ends it
        started.add(new ProcessBuilder("sleep", "600").directory(busy.toFile()).start());

        WipeStepResult result = new RemovableMedia(List.of(media), null, MountTable.SELF).unmountAll();

        assertFalse(result.ok(), result.toString());
        assertTrue(
                result.detail().startsWith("1 still mounted: " + busy + " (tmpfs tmpfs): umount exited with 32"),
                result.detail());
        assertTrue(result.detail().contains("busy"), result.detail());
        assertTrue(result.detail().endsWith("; unmounted 1: " + free + " (tmpfs tmpfs)"), result.detail());
        assertTrue(mountAt(busy).isPresent());
        assertTrue(mountAt(free).isEmpty());
    }

    @Test
    void devicesGoThroughUdisksctlWhichIsToldNotToAsk() throws Exception {
        // a stand-in for udisksctl: records its arguments, then unmounts the device as udisksd would
        Path calls = dir.resolve("udisksctl.calls");
        Path udisksctl = script(
                "udisksctl",
                "printf '%s|' \"$@\" >> " + calls + "; echo >> " + calls + "\n"
                        + "umount \"$(findmnt -n -o TARGET --source \"$3\")\"\n");
        Path stick = tmpfs(media.resolve("stick"), "/dev/sdz1");
        Path other = tmpfs(media.resolve("other"), "tmpfs");

        WipeStepResult result = new RemovableMedia(List.of(media), udisksctl, MountTable.SELF).unmountAll();

        assertTrue(result.ok(), result.toString());
        assertEquals(
                List.of("unmount|-b|/dev/sdz1|--no-user-interaction|"),
                Files.readAllLines(calls),
                "only the device goes through udisks");
        assertTrue(mountAt(stick).isEmpty());
        assertTrue(mountAt(other).isEmpty());
    }

    @Test
    void whatUdisksRefusesStaysAndItsMessageIsInTheStep() throws Exception {
        Path udisksctl = script(
                "udisksctl",
                "echo 'Error unmounting /dev/sdz1: GDBus.Error:org.freedesktop.UDisks2.Error.DeviceBusy:"
                        + " Error unmounting /dev/sdz1: target is busy' >&2\nexit 1\n");
        Path stick = tmpfs(media.resolve("stick"), "/dev/sdz1");

        WipeStepResult result = new RemovableMedia(List.of(media), udisksctl, MountTable.SELF).unmountAll();

        assertFalse(result.ok(), result.toString());
        assertEquals(
                "1 still mounted: " + stick + " (tmpfs /dev/sdz1): udisksctl exited with 1: Error unmounting /dev/sdz1:"
                        + " GDBus.Error:org.freedesktop.UDisks2.Error.DeviceBusy: Error unmounting /dev/sdz1: target is busy",
                result.detail());
        assertTrue(mountAt(stick).isPresent());
    }

    @Test
    void theResetEndsTheVisitorsProgramsFirstSoThatTheirOpenStickIsNotBusy() throws Exception {
        PosixAccount account = TestAccount.get();
        Path stick = tmpfs(media.resolve("USB STICK"), "tmpfs");
        TestAccount.run(List.of("chmod", "0777", stick.toString()));
        Path home = Files.createDirectory(dir.resolve("home"));
        Path template = Files.createDirectory(dir.resolve("template"));
        // the visitor's program, writing on its stick
        started.add(TestAccount.startAs(account, stick, "exec 3> file.txt; while :; do echo x >&3; sleep 0.01; done"));
        TestAccount.awaitFile(stick.resolve("file.txt"));
        LinuxVisitorAccount visitor = new LinuxVisitorAccount(
                account,
                home,
                template,
                List.of(),
                List.of(media, runMedia),
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "C.UTF-8", false),
                true);

        List<WipeStepResult> results = visitor.reset();

        assertEquals(
                List.of(VisitorAccount.PROCESSES_STEP, RemovableMedia.STEP, VisitorAccount.HOME_STEP),
                results.stream().map(WipeStepResult::step).toList());
        assertTrue(results.stream().allMatch(WipeStepResult::ok), results.toString());
        assertTrue(mountAt(stick).isEmpty());
        visitor.purge().join();
    }

    /** Mounts a 1 MB tmpfs with {@code source} as its source name at {@code at} (made if missing). */
    private static Path tmpfs(Path at, String source) throws IOException, InterruptedException {
        Files.createDirectories(at);
        assertEquals(
                0,
                TestAccount.run(List.of("mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", source, at.toString())),
                "mount " + at);
        return at;
    }

    private static Optional<Mount> mountAt(Path p) throws IOException {
        return MountTable.at(MountTable.read(), p);
    }

    private Path script(String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }
}
