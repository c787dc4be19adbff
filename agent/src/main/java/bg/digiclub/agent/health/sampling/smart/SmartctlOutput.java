package bg.digiclub.agent.health.sampling.smart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses the JSON that {@code smartctl -j} prints (smartmontools 7.0 and later). Pure: no process
 * is run here, so tests feed it captured output.
 */
final class SmartctlOutput {
    /** smartctl's exit-status bit 3: "SMART status check returned DISK FAILING". */
    static final int EXIT_DISK_FAILING = 1 << 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A device {@code smartctl --scan} found.
     *
     * @param name device to pass to smartctl ({@code /dev/sda}, {@code /dev/nvme0})
     * @param type device type to pass with {@code -d} ({@code sat}, {@code nvme}, {@code scsi}); may be empty
     */
    record ScannedDevice(String name, String type) {}

    /**
     * What {@code smartctl -H} said about one device.
     *
     * @param passed     true for PASSED, false for FAILED, empty when smartctl could not tell
     * @param exitStatus smartctl's exit status bits as printed in its JSON
     * @param messages   smartctl's messages (errors such as "Permission denied"), for the log
     */
    record HealthVerdict(Optional<Boolean> passed, int exitStatus, List<String> messages) {
        HealthVerdict {
            messages = List.copyOf(messages);
        }
    }

    private SmartctlOutput() {}

    /**
     * The devices in {@code smartctl --scan -j} output; empty when there are none.
     *
     * @throws IllegalArgumentException when the text is not smartctl JSON
     */
    static List<ScannedDevice> parseScan(String json) {
        JsonNode root = read(json, "smartctl --scan -j");
        List<ScannedDevice> devices = new ArrayList<>();
        for (JsonNode device : root.path("devices")) {
            String name = device.path("name").asText("");
            // A name starting with '-' would be taken for an option by the next smartctl call.
            if (!name.isBlank() && !name.startsWith("-")) {
                devices.add(new ScannedDevice(name, device.path("type").asText("")));
            }
        }
        return devices;
    }

    /**
     * The verdict in {@code smartctl -H -j DEVICE} output. PASSED or FAILED comes from
     * {@code smart_status.passed}; without it, the DISK FAILING exit bit still means FAILED, and
     * anything else (no SMART support, permission denied, unknown device) is "cannot tell".
     *
     * @throws IllegalArgumentException when the text is not smartctl JSON
     */
    static HealthVerdict parseHealth(String json) {
        JsonNode root = read(json, "smartctl -H -j");
        int exitStatus = root.path("smartctl").path("exit_status").asInt(0);
        List<String> messages = new ArrayList<>();
        for (JsonNode message : root.path("smartctl").path("messages")) {
            messages.add(message.path("string").asText(""));
        }
        JsonNode passed = root.path("smart_status").path("passed");
        Optional<Boolean> verdict;
        if (passed.isBoolean()) {
            verdict = Optional.of(passed.booleanValue());
        } else if ((exitStatus & EXIT_DISK_FAILING) != 0) {
            verdict = Optional.of(false);
        } else {
            verdict = Optional.empty();
        }
        return new HealthVerdict(verdict, exitStatus, messages);
    }

    private static JsonNode read(String json, String command) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException(command + " printed nothing");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    command + " did not print JSON (smartmontools 7.0+ needed): " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.has("smartctl")) {
            throw new IllegalArgumentException(command + " printed JSON without its \"smartctl\" section");
        }
        return root;
    }
}
