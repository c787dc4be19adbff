package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.HealthStatus;

class SafeCheckNamesTest {
    @Test
    void systemMountsAndDriveLettersStayPersonalMountsDoNot() {
        assertEquals("disk:/", SafeCheckNames.forUpload("disk:/"));
        assertEquals("disk:C:\\", SafeCheckNames.forUpload("disk:C:\\"));
        assertEquals("disk:/boot/efi", SafeCheckNames.forUpload("disk:/boot/efi"));
        assertEquals("disk:other", SafeCheckNames.forUpload("disk:/media/ivan/USB"));
        assertEquals("disk:other", SafeCheckNames.forUpload("disk:/home/maria"));
        assertEquals("cpu-temperature", SafeCheckNames.forUpload("cpu-temperature"));
        assertEquals("fan:1", SafeCheckNames.forUpload("fan:1"));
        assertEquals("smart:nvme0n1", SafeCheckNames.forUpload("smart:nvme0n1"));
        assertEquals("net", SafeCheckNames.forUpload("net:Wi-Fi на Мария"));
        assertEquals("other", SafeCheckNames.forUpload("Диск C"));
    }

    @Test
    void clashingNamesMergeByWorstAndAtMost32AreKeptWorstFirst() {
        Map<String, HealthStatus> checks = new HashMap<>();
        checks.put("disk:/media/a/x", HealthStatus.OK);
        checks.put("disk:/media/b/y", HealthStatus.CRIT);
        for (int i = 0; i < 40; i++) {
            checks.put("fan:" + i, i == 7 ? HealthStatus.WARN : HealthStatus.OK);
        }
        Map<String, HealthStatus> out = SafeCheckNames.forUpload(checks);
        assertEquals(32, out.size());
        assertEquals(HealthStatus.CRIT, out.get("disk:other"));
        assertEquals(HealthStatus.WARN, out.get("fan:7"));
    }
}
