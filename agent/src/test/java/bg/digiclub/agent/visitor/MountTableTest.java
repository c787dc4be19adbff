package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.visitor.MountTable.Mount;

/** Parsing {@code /proc/self/mountinfo} as the kernel writes it, on lines captured from Debian 12 PCs. */
class MountTableTest {
    /**
     * A club PC with a stick plugged in by the visitor (udisks mounts it, label with a space), a
     * second one with a Cyrillic label and a backslash, the home on a tmpfs, and the kinds of lines
     * that trip naive parsers: several optional fields, none at all, a bind mount, a source with spaces.
     */
    static final String CLUB_PC = String.join(
            "\n",
            "22 29 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw",
            "29 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro",
            "31 29 0:27 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1617432k,mode=755,inode64",
            "97 29 0:48 / /home/digiclub-visitor rw,nosuid,nodev,relatime shared:53 - tmpfs tmpfs rw,size=2097152k,mode=700,uid=998,gid=998,inode64",
            "345 364 8:17 / /media/digiclub-visitor/MY\\040STICK rw,nosuid,nodev,noexec,relatime shared:187 - vfat /dev/sdb1"
                    + " rw,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,showexec,utf8,flush,errors=remount-ro",
            "351 364 8:33 / /media/digiclub-visitor/ФЛАШКА\\134x rw,nosuid,nodev,noexec,relatime shared:190 master:3 - exfat /dev/sdc1 rw,fmask=0022",
            "120 29 8:2 /srv/club\\011data /mnt/bind rw,relatime - ext4 /dev/sda2 rw,errors=remount-ro",
            "130 29 0:55 / /mnt/sshfs rw,nosuid,nodev,relatime - fuse.sshfs mentor@server:/srv/club\\040files rw,user_id=0,group_id=0",
            "140 345 0:60 / /media/digiclub-visitor/MY\\040STICK/\\040-\\040 rw,relatime - tmpfs tmpfs rw",
            "");

    @TempDir
    Path dir;

    @Test
    void everyFieldIsReadWithEscapesUndoneAndOptionalFieldsSkipped() throws Exception {
        List<Mount> mounts = read(CLUB_PC);

        assertEquals(9, mounts.size());
        Mount stick = mounts.get(4);
        assertEquals(345, stick.id());
        assertEquals(364, stick.parentId());
        assertEquals("8:17", stick.device());
        assertEquals("/", stick.root());
        assertEquals(Path.of("/media/digiclub-visitor/MY STICK"), stick.mountPoint());
        assertEquals("rw,nosuid,nodev,noexec,relatime", stick.options());
        assertEquals(List.of("shared:187"), stick.optionalFields());
        assertEquals("vfat", stick.type());
        assertEquals("/dev/sdb1", stick.source());
        assertTrue(stick.superOptions().startsWith("rw,fmask=0022,"), stick.superOptions());

        Mount cyrillic = mounts.get(5);
        assertEquals(Path.of("/media/digiclub-visitor/ФЛАШКА\\x"), cyrillic.mountPoint());
        assertEquals(List.of("shared:190", "master:3"), cyrillic.optionalFields());
        assertEquals("exfat", cyrillic.type());
        assertEquals("/dev/sdc1", cyrillic.source());

        Mount bind = mounts.get(6);
        assertEquals("/srv/club\tdata", bind.root());
        assertEquals(List.of(), bind.optionalFields());
        assertEquals("ext4", bind.type());

        assertEquals("mentor@server:/srv/club files", mounts.get(7).source());
        assertEquals(
                Path.of("/media/digiclub-visitor/MY STICK/ - "),
                mounts.get(8).mountPoint(),
                "a mount point named ' - ' is not the separator");
    }

    @Test
    void theMountOnTopOfAPathIsFound() throws Exception {
        List<Mount> mounts = read(CLUB_PC + "150 97 0:61 / /home/digiclub-visitor rw - tmpfs over rw\n");

        assertEquals(
                150,
                MountTable.at(mounts, Path.of("/home/digiclub-visitor"))
                        .orElseThrow()
                        .id());
        assertTrue(MountTable.at(mounts, Path.of("/home")).isEmpty());
    }

    @Test
    void mountsBelowTheMediaDirsAreFoundInnermostFirst() throws Exception {
        List<Mount> mounts = read(CLUB_PC);
        RemovableMedia media = new RemovableMedia(
                List.of(Path.of("/media/digiclub-visitor"), Path.of("/run/media/digiclub-visitor")),
                null,
                dir.resolve("unused"));

        List<Mount> below = media.below(mounts);

        assertEquals(List.of(345, 351, 140), below.stream().map(Mount::id).toList());
        assertEquals(
                List.of(351, 140),
                RemovableMedia.innermost(below).stream().map(Mount::id).toList(),
                "the stick carrying a mount inside it waits for that one");
        assertEquals(
                List.of(),
                media.below(read("200 29 0:70 / /media/digiclub-visitor rw - tmpfs tmpfs rw\n"
                        + "201 29 0:71 / /media/digiclub-visitor-2/x rw - tmpfs tmpfs rw\n")),
                "the directory itself, and a neighbour with a longer name, are not below it");
    }

    @Test
    void devicesGoThroughUdisksWhenItIsInstalledAndEverythingElseThroughUmount() throws Exception {
        List<Mount> mounts = read(CLUB_PC);
        Path udisksctl = Path.of("/usr/bin/udisksctl");

        assertEquals(
                List.of("/usr/bin/udisksctl", "unmount", "-b", "/dev/sdb1", "--no-user-interaction"),
                new RemovableMedia(List.of(), udisksctl, MountTable.SELF).command(mounts.get(4)));
        assertEquals(
                List.of("umount", "/media/digiclub-visitor/MY STICK/ - "),
                new RemovableMedia(List.of(), udisksctl, MountTable.SELF).command(mounts.get(8)));
        assertEquals(
                List.of("umount", "/media/digiclub-visitor/MY STICK"),
                new RemovableMedia(List.of(), null, MountTable.SELF).command(mounts.get(4)));
    }

    @Test
    void aLineNotInTheKernelsFormatIsRefusedNamingIt() {
        for (String bad : List.of(
                "29 1 8:2 / / rw,relatime shared:1 ext4 /dev/sda2 rw",
                "x 1 8:2 / / rw - ext4 /dev/sda2 rw",
                "29 1 8:2 / / rw -",
                "29 1 sda / / rw - ext4 /dev/sda2 rw")) {
            IOException e = assertThrows(IOException.class, () -> MountTable.parse(List.of(bad)));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void thisProcesssOwnTableParses() throws Exception {
        List<Mount> mounts = MountTable.read();

        assertTrue(mounts.stream().anyMatch(m -> m.mountPoint().equals(Path.of("/"))), mounts.toString());
        assertTrue(
                mounts.stream()
                        .anyMatch(m -> m.mountPoint().equals(Path.of("/proc"))
                                && m.type().equals("proc")),
                mounts.toString());
    }

    @Test
    void escapesOtherThanOctalBytesAreKeptAsWritten() {
        assertEquals("a\\b", MountTable.unescape("a\\b"));
        assertEquals("a\\04", MountTable.unescape("a\\04"));
        assertEquals("a\\777", MountTable.unescape("a\\777"));
        assertEquals("a b\tc\nd\\e", MountTable.unescape("a\\040b\\011c\\012d\\134e"));
    }

    /** Through the file, as the kernel gives it: UTF-8 bytes, escapes in ASCII. */
    private List<Mount> read(String text) throws IOException {
        Path f = Files.write(dir.resolve("mountinfo"), text.getBytes(StandardCharsets.UTF_8));
        return MountTable.read(f);
    }
}
