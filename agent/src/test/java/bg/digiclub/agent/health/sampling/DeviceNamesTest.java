package bg.digiclub.agent.health.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import oshi.hardware.NetworkIF.IfOperStatus;

class DeviceNamesTest {

    @Test
    void diskNamesLoseTheirDevicePrefix() {
        assertEquals("sda", DeviceNames.shortDiskName("/dev/sda"));
        assertEquals("nvme0n1", DeviceNames.shortDiskName("/dev/nvme0n1"));
        assertEquals("PHYSICALDRIVE0", DeviceNames.shortDiskName("\\\\.\\PHYSICALDRIVE0"));
        assertEquals("disk0", DeviceNames.shortDiskName("disk0"));
    }

    @Test
    void ramAndLoopDevicesAreNotDisks() {
        assertTrue(DeviceNames.isVirtualDisk("zram0"));
        assertTrue(DeviceNames.isVirtualDisk("loop3"));
        assertTrue(DeviceNames.isVirtualDisk("dm-0"));
        assertFalse(DeviceNames.isVirtualDisk("sda"));
        assertFalse(DeviceNames.isVirtualDisk("nvme0n1"));
    }

    @Test
    void interfaceUpIsOneDownIsZeroUnknownIsAbsent() {
        assertEquals(OptionalDouble.of(1.0), NetworkUp.of(IfOperStatus.UP));
        assertEquals(OptionalDouble.of(0.0), NetworkUp.of(IfOperStatus.DOWN));
        assertEquals(OptionalDouble.of(0.0), NetworkUp.of(IfOperStatus.LOWER_LAYER_DOWN));
        assertTrue(NetworkUp.of(IfOperStatus.UNKNOWN).isEmpty());
        assertTrue(NetworkUp.of(null).isEmpty());
    }
}
