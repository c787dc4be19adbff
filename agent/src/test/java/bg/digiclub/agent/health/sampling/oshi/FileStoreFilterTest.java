package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import bg.digiclub.agent.health.sampling.oshi.FileStoreFilter.FileStoreFacts;

class FileStoreFilterTest {
    private static final long GB = 1L << 30;

    private static FileStoreFacts linux(String mount, String type, String options) {
        return new FileStoreFacts(mount, type, options, "Local Disk", true, 100 * GB);
    }

    @Test
    void rootAndHomeOnExt4Count() {
        assertTrue(FileStoreFilter.counts(linux("/", "ext4", "rw,relatime,errors=remount-ro")));
        assertTrue(FileStoreFilter.counts(linux("/home", "ext4", "rw,relatime")));
        assertTrue(FileStoreFilter.counts(linux("/boot/efi", "vfat", "rw,relatime,fmask=0077")));
    }

    @Test
    void windowsFixedDrivesCount() {
        assertTrue(FileStoreFilter.counts(new FileStoreFacts(
                "C:\\",
                "NTFS",
                "rw,reparse,sparse,trans,journaled,quota,casess,oids,casepn,efs,streams,unicode,acls,fcomp",
                "Fixed drive",
                true,
                500 * GB)));
    }

    @ParameterizedTest(name = "{1} at {0} is not a real file system")
    @CsvSource({
        "/proc, proc",
        "/sys, sysfs",
        "/dev, devtmpfs",
        "/dev/shm, tmpfs",
        "/tmp, tmpfs",
        "/, overlay",
        "/sys/fs/cgroup, cgroup2",
        "/srv/image, squashfs",
        "/cdrom, iso9660",
    })
    void pseudoAndImageFileSystemsDoNotCount(String mount, String type) {
        assertFalse(FileStoreFilter.counts(linux(mount, type, "rw,relatime")));
    }

    @Test
    void readOnlyMountsDoNotCount() {
        assertFalse(FileStoreFilter.counts(linux("/opt/image", "ext4", "ro,relatime")));
        assertFalse(FileStoreFilter.counts(new FileStoreFacts("D:\\", "UDF", "ro,unicode", "Fixed drive", true, GB)));
    }

    @Test
    void optionsThatMerelyContainRoAreStillWritable() {
        // "errors=remount-ro" and "nouser_xattr,root" are not the "ro" option.
        assertTrue(FileStoreFilter.counts(linux("/data", "ext4", "rw,errors=remount-ro,nouser_xattr")));
        assertFalse(FileStoreFilter.isReadOnly("rw,errors=remount-ro"));
        assertTrue(FileStoreFilter.isReadOnly("nosuid, ro"));
        assertFalse(FileStoreFilter.isReadOnly(null));
    }

    @Test
    void removableMediaDoNotCount() {
        assertFalse(FileStoreFilter.counts(linux("/media/visitor/USB STICK", "vfat", "rw,nosuid,nodev")));
        assertFalse(FileStoreFilter.counts(linux("/run/media/visitor/disk", "exfat", "rw")));
        assertFalse(
                FileStoreFilter.counts(new FileStoreFacts("E:\\", "FAT32", "rw", "Removable drive", true, 16 * GB)));
        assertFalse(FileStoreFilter.counts(new FileStoreFacts("F:\\", "CDFS", "ro", "CD-ROM", true, GB)));
    }

    @Test
    void networkAndEmptyStoresDoNotCount() {
        assertFalse(FileStoreFilter.counts(new FileStoreFacts("/mnt/share", "cifs", "rw", "Network Disk", false, GB)));
        assertFalse(FileStoreFilter.counts(new FileStoreFacts("/", "ext4", "rw", "Local Disk", true, 0)));
    }

    @Test
    void snapImagesAndKernelMountsBelowRunDoNotCount() {
        assertFalse(FileStoreFilter.counts(linux("/snap/core22/1380", "ext4", "rw")));
        assertFalse(FileStoreFilter.counts(linux("/run/user/1000/doc", "ext4", "rw")));
        assertTrue(FileStoreFilter.counts(linux("/running-data", "ext4", "rw")));
    }
}
