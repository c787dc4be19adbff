package bg.digiclub.agent.health.sampling.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.sampling.Fixtures;
import bg.digiclub.agent.health.sampling.smart.SmartctlOutput.HealthVerdict;
import bg.digiclub.agent.health.sampling.smart.SmartctlOutput.ScannedDevice;

class SmartctlOutputTest {

    @Test
    void scanListsDevicesWithTheirTypes() {
        assertEquals(
                List.of(new ScannedDevice("/dev/sda", "sat"), new ScannedDevice("/dev/nvme0", "nvme")),
                SmartctlOutput.parseScan(Fixtures.text("smartctl/scan-sata-and-nvme.json")));
    }

    @Test
    void scanOfAMachineWithoutSmartDisksIsEmpty() {
        assertEquals(List.of(), SmartctlOutput.parseScan(Fixtures.text("smartctl/scan-no-devices.json")));
    }

    @Test
    void scanIgnoresNamesThatLookLikeOptions() {
        String json = "{\"smartctl\":{\"exit_status\":0},\"devices\":[{\"name\":\"--all\",\"type\":\"sat\"},"
                + "{\"name\":\"/dev/sdb\"}]}";
        assertEquals(List.of(new ScannedDevice("/dev/sdb", "")), SmartctlOutput.parseScan(json));
    }

    @Test
    void passedSataAndNvmeDisks() {
        assertEquals(
                Optional.of(true),
                SmartctlOutput.parseHealth(Fixtures.text("smartctl/health-passed-sata.json"))
                        .passed());
        assertEquals(
                Optional.of(true),
                SmartctlOutput.parseHealth(Fixtures.text("smartctl/health-passed-nvme.json"))
                        .passed());
    }

    @Test
    void failingDisk() {
        HealthVerdict verdict = SmartctlOutput.parseHealth(Fixtures.text("smartctl/health-failed-sata.json"));
        assertEquals(Optional.of(false), verdict.passed());
        assertEquals(24, verdict.exitStatus());
    }

    @Test
    void diskFailingExitBitWithoutSmartStatusIsStillFailed() {
        String json = "{\"smartctl\":{\"exit_status\":8}}";
        assertEquals(Optional.of(false), SmartctlOutput.parseHealth(json).passed());
    }

    @Test
    void diskWithoutSmartSupportHasNoVerdict() {
        HealthVerdict verdict = SmartctlOutput.parseHealth(Fixtures.text("smartctl/health-no-smart-support.json"));
        assertTrue(verdict.passed().isEmpty());
        assertEquals(4, verdict.exitStatus());
        assertEquals(
                "SMART support is: Unavailable - device lacks SMART capability.",
                verdict.messages().get(0));
    }

    @Test
    void permissionDeniedHasNoVerdictAndSaysWhy() {
        HealthVerdict verdict = SmartctlOutput.parseHealth(Fixtures.text("smartctl/health-permission-denied.json"));
        assertTrue(verdict.passed().isEmpty());
        assertEquals(2, verdict.exitStatus());
        assertEquals(List.of("Smartctl open device: /dev/vda [SAT] failed: Permission denied"), verdict.messages());
    }

    @Test
    void unknownDeviceTypeHasNoVerdict() {
        assertTrue(SmartctlOutput.parseHealth(Fixtures.text("smartctl/health-unknown-device-type.json"))
                .passed()
                .isEmpty());
    }

    @Test
    void textThatIsNotSmartctlJsonIsAClearError() {
        IllegalArgumentException plain = assertThrows(
                IllegalArgumentException.class,
                () -> SmartctlOutput.parseHealth("SMART overall-health self-assessment test result: PASSED"));
        assertTrue(
                plain.getMessage().startsWith("smartctl -H -j did not print JSON (smartmontools 7.0+ needed)"),
                plain.getMessage());
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> SmartctlOutput.parseScan(""));
        assertEquals("smartctl --scan -j printed nothing", empty.getMessage());
        IllegalArgumentException other =
                assertThrows(IllegalArgumentException.class, () -> SmartctlOutput.parseScan("{\"devices\":[]}"));
        assertEquals("smartctl --scan -j printed JSON without its \"smartctl\" section", other.getMessage());
    }
}
