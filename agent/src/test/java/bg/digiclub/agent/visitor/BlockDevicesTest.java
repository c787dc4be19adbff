package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import bg.digiclub.agent.visitor.BlockDevices.BlockDevice;

/**
 * lsblk's JSON read into devices, and which of them {@link MediaAutomount} would mount, on captured and
 * lsblk-exact outputs ({@code src/test/resources/visitor/lsblk/README.txt} says which is which).
 */
class BlockDevicesTest {
    private static final List<Path> MEDIA = VisitorSettings.defaultMediaDirs("digiclub-visitor");

    @Test
    void partitionsAreFlattenedAndTakeTheirDisksBusSerialAndFlags() throws Exception {
        Map<String, BlockDevice> d = byPath(BlockDevices.parse(fixture("club-pc.json")));

        assertEquals(21, d.size(), d.keySet().toString());
        BlockDevice stick = d.get("/dev/sdb1");
        assertEquals("part", stick.type());
        assertEquals("usb", stick.transport(), "a partition has no TRAN of its own: its disk's");
        assertTrue(stick.hotplug() && stick.removable());
        assertEquals("vfat", stick.fstype());
        assertEquals("", stick.mountpoint());
        assertEquals("4C530001230915117324", stick.serial());
        assertEquals("5A3C-1F2B", stick.uuid());
        assertEquals("/dev/sdb", stick.disk());
        assertFalse(stick.parent());
        assertTrue(d.get("/dev/sdb").parent());
        assertEquals("NA9FKQ2X", d.get("/dev/sde1").serial());
        assertEquals("WDC_WDS240G2G0A-00JH30_2031A4801234", d.get("/dev/sda4").serial(), "null serial: the disk's");
    }

    @Test
    void aCyrillicLabelWithASpaceIsReadAsItsMountPoint() throws Exception {
        BlockDevice d = byPath(BlockDevices.parse(fixture("club-pc.json"))).get("/dev/sdc1");

        assertEquals("/media/digiclub-visitor/ФЛАШКА 2", d.mountpoint());
        assertTrue(d.mounted());
        assertTrue(BlockDevices.below(d.mountpoint(), MEDIA));
        assertFalse(BlockDevices.below("/media/digiclub-visitor", MEDIA), "the media directory itself is no stick");
        assertFalse(BlockDevices.below("/media/digiclub-visitor-2/X", MEDIA));
        assertFalse(BlockDevices.below("[SWAP]", MEDIA));
    }

    @Test
    void olderLsblksZeroAndOneStringsAreFlagsToo() throws Exception {
        Map<String, BlockDevice> d = byPath(BlockDevices.parse(fixture("older-lsblk-strings.json")));

        assertTrue(d.get("/dev/sdb1").removable() && d.get("/dev/sdb1").hotplug());
        assertFalse(d.get("/dev/sda1").removable() || d.get("/dev/sda1").hotplug());
        assertEquals(List.of("/dev/sdb1"), paths(automount().candidates(List.copyOf(d.values()))));
    }

    @Test
    void onTheCapturedContainerNothingIsRemovable() throws Exception {
        List<BlockDevice> devices = BlockDevices.parse(fixture("dev-container.json"));

        assertTrue(devices.stream().anyMatch(b -> b.path().equals("/dev/vda")), devices.toString());
        assertEquals(List.of(), automount().candidates(devices));
    }

    @Test
    void onAClubPcTheSticksCardAndDiscAreMountedAndNoSystemDiskIsTouched() throws Exception {
        List<BlockDevice> devices = BlockDevices.parse(fixture("club-pc.json"));

        // sda4: NTFS on the system disk (hot-plug SATA, its root mounted); sdf2: a USB disk with a partition
        // mounted at /srv/club; sdc1: mounted already; sde1: LUKS; nvme0n1p*: fixed; loop0: a loop device
        assertEquals(
                List.of("/dev/sdb1", "/dev/sdc2", "/dev/sdd", "/dev/sr0"),
                paths(automount().candidates(devices)));
    }

    @Test
    void aDiskOnAHotPlugSataPortIsNotRemovableEvenWithNothingMounted() throws Exception {
        String json = """
                {"blockdevices": [
                   {"path": "/dev/sdb", "type": "disk", "tran": "sata", "hotplug": true, "rm": false, "fstype": null,
                    "mountpoint": null, "serial": "Z1E2ABCD", "uuid": null,
                    "children": [{"path": "/dev/sdb1", "type": "part", "tran": null, "hotplug": true, "rm": false,
                       "fstype": "ntfs", "mountpoint": null, "serial": null, "uuid": "7A1B2C3D4E5F6071"}]}
                ]}""";

        assertEquals(List.of(), automount().candidates(BlockDevices.parse(json)));
    }

    @Test
    void anotherStickInTheSamePortIsAnotherDevice() throws Exception {
        String one =
                "{\"blockdevices\": [{\"path\": \"/dev/sdb1\", \"type\": \"part\", \"rm\": true, \"serial\": \"A1\", \"uuid\": \"1111-2222\"}]}";
        String same = one.replace("\"rm\": true", "\"rm\": \"1\"");
        String other = one.replace("A1", "B2").replace("1111-2222", "3333-4444");
        String reformatted = one.replace("1111-2222", "5555-6666");

        BlockDevice d = BlockDevices.parse(one).get(0);
        assertEquals(d.identity(), BlockDevices.parse(same).get(0).identity());
        assertNotEquals(d.identity(), BlockDevices.parse(other).get(0).identity());
        assertNotEquals(d.identity(), BlockDevices.parse(reformatted).get(0).identity());
        assertTrue(d.identity().covers(BlockDevices.parse(same).get(0)));
        assertFalse(d.identity().covers(BlockDevices.parse(other).get(0)));
        assertFalse(d.identity().covers(BlockDevices.parse(reformatted).get(0)));
        assertFalse(d.identity()
                .covers(BlockDevices.parse(one.replace("sdb1", "sdc1")).get(0)));
    }

    @Test
    void whatUdevHadNotReadYetMatchesAnything() throws Exception {
        String unread = "{\"blockdevices\": [{\"path\": \"/dev/sdb1\", \"type\": \"part\", \"rm\": true}]}";
        String read =
                "{\"blockdevices\": [{\"path\": \"/dev/sdb1\", \"type\": \"part\", \"rm\": true, \"serial\": \"A1\","
                        + " \"uuid\": \"1111-2222\"}]}";

        assertTrue(BlockDevices.parse(unread)
                .get(0)
                .identity()
                .covers(BlockDevices.parse(read).get(0)));
        assertFalse(BlockDevices.parse(read)
                .get(0)
                .identity()
                .covers(BlockDevices.parse(unread).get(0)));
    }

    /** The installed lsblk (util-linux 2.38 here) knows every column asked for and its output is read. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theInstalledLsblkAcceptsTheColumnsAndIsRead() throws Exception {
        Process p = new ProcessBuilder("lsblk", "--json", "--paths", "--output", BlockDevices.COLUMNS).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);

        List<BlockDevice> devices = BlockDevices.parse(out);
        assertTrue(
                devices.stream()
                        .allMatch(d -> d.path().startsWith("/dev/") && !d.type().isEmpty()),
                devices.toString());
    }

    @Test
    void somethingElseIsRefusedNamingWhatIsWrong() {
        assertThrows(IOException.class, () -> BlockDevices.parse("{\"devices\": []}"));
        assertThrows(IOException.class, () -> BlockDevices.parse("lsblk: unknown column: TRAN"));
        IOException e = assertThrows(
                IOException.class,
                () -> BlockDevices.parse("{\"blockdevices\": [{\"path\": \"/dev/sdb\", \"rm\": \"maybe\"}]}"));
        assertTrue(e.getMessage().contains("rm"), e.getMessage());
        assertThrows(IOException.class, () -> BlockDevices.parse("{\"blockdevices\": [{\"path\": \"sdb\"}]}"));
    }

    static MediaAutomount automount() {
        return new MediaAutomount(
                Path.of("/nonexistent/lsblk"),
                Path.of("/nonexistent/udisksctl"),
                ProcessBuilder::new,
                MEDIA,
                Duration.ofSeconds(1));
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = BlockDevicesTest.class.getResourceAsStream("/visitor/lsblk/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, BlockDevice> byPath(List<BlockDevice> devices) {
        return devices.stream().collect(Collectors.toMap(BlockDevice::path, Function.identity()));
    }

    private static List<String> paths(List<BlockDevice> devices) {
        return devices.stream().map(BlockDevice::path).toList();
    }
}
