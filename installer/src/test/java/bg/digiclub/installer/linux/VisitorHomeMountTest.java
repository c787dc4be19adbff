package bg.digiclub.installer.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The visitor home's mount found in /proc/self/mountinfo lines (captured from a Debian 12 PC). */
class VisitorHomeMountTest {
    private static final List<String> MOUNTINFO = List.of(
            "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro",
            "25 22 0:21 / /home rw,relatime shared:7 - ext4 /dev/sda3 rw",
            "101 25 0:45 / /home/digiclub-visitor rw,nosuid,nodev,noexec,relatime shared:60 - tmpfs tmpfs "
                    + "rw,size=1048576k,mode=700,uid=998,gid=997,inode64",
            "130 22 0:50 / /media/digiclub-visitor/USB\\040STICK rw,nosuid,nodev,noexec,relatime shared:70 master:3 - vfat "
                    + "/dev/sdb1 rw,uid=998,gid=997,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,"
                    + "showexec,utf8,flush,errors=remount-ro");

    @Test
    void theHomesTmpfsIsFoundWithItsSize() {
        VisitorHomeMount.Mount m =
                VisitorHomeMount.parse(MOUNTINFO, "/home/digiclub-visitor").orElseThrow();
        assertEquals("tmpfs", m.type());
        assertEquals(Optional.of("1048576k"), m.size());
        assertEquals(Optional.empty(), VisitorHomeMount.parse(MOUNTINFO, "/home/digiclub"));
    }

    @Test
    void escapedSpacesAndSeveralOptionalFieldsAreRead() {
        VisitorHomeMount.Mount m = VisitorHomeMount.parse(MOUNTINFO, "/media/digiclub-visitor/USB STICK")
                .orElseThrow();
        assertEquals("vfat", m.type());
        assertEquals(Optional.empty(), m.size());
    }

    @Test
    void theTopMountWinsWhenTwoShareAPath() {
        List<String> stacked = List.of(
                MOUNTINFO.get(2), "140 101 8:3 / /home/digiclub-visitor rw,relatime shared:80 - ext4 /dev/sda3 rw");
        assertEquals(
                "ext4",
                VisitorHomeMount.parse(stacked, "/home/digiclub-visitor")
                        .orElseThrow()
                        .type());
    }
}
