package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.HealthStatus;

class CheckNamesTest {
    @Test
    void systemMountsAndDriveLettersStayPersonalMountsDoNot() {
        assertEquals("disk:/", CheckNames.forUpload("disk:/"));
        assertEquals("disk:C:\\", CheckNames.forUpload("disk:C:\\"));
        assertEquals("disk:/boot/efi", CheckNames.forUpload("disk:/boot/efi"));
        assertEquals("disk:other", CheckNames.forUpload("disk:/media/ivan/USB"));
        assertEquals("disk:other", CheckNames.forUpload("disk:/home/maria"));
        assertEquals("cpu-temperature", CheckNames.forUpload("cpu-temperature"));
        assertEquals("fan:1", CheckNames.forUpload("fan:1"));
        assertEquals("net", CheckNames.forUpload("net:Wi-Fi на Мария"));
        assertEquals("other", CheckNames.forUpload("Диск C"));
    }

    @Test
    void clashingNamesMergeByWorstAndAtMost32AreKeptWorstFirst() {
        Map<String, HealthStatus> checks = new HashMap<>();
        checks.put("disk:/media/a/x", HealthStatus.OK);
        checks.put("disk:/media/b/y", HealthStatus.CRIT);
        for (int i = 0; i < 40; i++) {
            checks.put("fan:" + i, i == 7 ? HealthStatus.WARN : HealthStatus.OK);
        }
        Map<String, HealthStatus> out = CheckNames.forUpload(checks);
        assertEquals(32, out.size());
        assertEquals(HealthStatus.CRIT, out.get("disk:other"));
        assertEquals(HealthStatus.WARN, out.get("fan:7"));
    }
}
