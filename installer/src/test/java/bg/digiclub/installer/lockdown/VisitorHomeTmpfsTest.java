package bg.digiclub.installer.lockdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.installer.linux.Accounts;
import bg.digiclub.installer.linux.VisitorHomeMount;

/**
 * The tmpfs unit's own Options= mounted for real, as systemd does it ({@code mount -t tmpfs -o
 * OPTIONS tmpfs WHERE}), as root: the account names become the mount's owner (mount(8) resolves
 * them; the kernel would refuse a name), the mode is 0700, nothing on it runs, and filling it
 * stops at the cap. Only the account (nobody/nogroup, which every Debian has, for the visitor)
 * and the size (1 MiB for speed) differ from the unit.
 */
@EnabledIfSystemProperty(named = "user.name", matches = "root")
class VisitorHomeTmpfsTest {
    @TempDir
    Path dir;

    @Test
    void theUnitsOptionsMountAPrivateCappedHomeOwnedByTheAccountNamed() throws Exception {
        String options = LockdownPayloadTest.section(LockdownPayloadTest.read(LockdownPayloadTest.MOUNT_UNIT), "Mount")
                .get("Options");
        String forTest = options.replace("uid=" + Accounts.VISITOR, "uid=nobody")
                .replace("gid=" + Accounts.VISITOR, "gid=nogroup")
                .replaceAll("size=[^,]+", "size=1M");
        assertTrue(
                forTest.contains("uid=nobody") && forTest.contains("gid=nogroup") && forTest.contains("size=1M"),
                forTest);
        Path home = Files.createDirectory(dir.resolve("visitor home")); // a space: mountinfo escapes it as \040
        run("mount", "-t", "tmpfs", "-o", forTest, "tmpfs", home.toString());
        try {
            assertEquals(65534, Files.getAttribute(home, "unix:uid", LinkOption.NOFOLLOW_LINKS));
            assertEquals(65534, Files.getAttribute(home, "unix:gid", LinkOption.NOFOLLOW_LINKS));
            assertEquals(0700, (Integer) Files.getAttribute(home, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777);

            List<String> mountinfo = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);
            VisitorHomeMount.Mount m = VisitorHomeMount.parse(mountinfo, home.toString())
                    .orElseThrow(() -> new AssertionError("not in mountinfo: " + home));
            assertEquals("tmpfs", m.type());
            assertEquals("1024k", m.size().orElseThrow());
            String line = mountinfo.stream()
                    .filter(l -> l.contains("visitor\\040home"))
                    .findFirst()
                    .orElseThrow();
            Set<String> mountOptions = Set.of(line.split(" ")[5].split(","));
            assertTrue(mountOptions.containsAll(Set.of("nosuid", "nodev", "noexec")), line);

            Path big = home.resolve("big");
            IOException full = assertThrows(IOException.class, () -> Files.write(big, new byte[2 * 1024 * 1024]));
            assertTrue(
                    String.valueOf(full.getMessage()).contains("No space left on device"),
                    String.valueOf(full.getMessage()));
            Files.delete(big);

            Path script = Files.writeString(home.resolve("run.sh"), "#!/bin/sh\necho ran\n");
            script.toFile().setExecutable(true);
            IOException refused = assertThrows(
                    IOException.class,
                    () -> new ProcessBuilder(script.toString()).start().waitFor(),
                    "a program in the home ran");
            assertTrue(
                    String.valueOf(refused.getMessage()).contains("Permission denied"),
                    String.valueOf(refused.getMessage()));
        } finally {
            run("umount", home.toString());
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
