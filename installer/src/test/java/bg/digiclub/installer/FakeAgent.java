package bg.digiclub.installer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stands in for digiclub-agent.jar in the installer's tests (packed into a jar by
 * {@link InstallerLinuxTest}): {@code enrol --config F} reads the code on standard input and
 * "enrols" with {@link #GOOD_CODE}, fails like an unreachable collector with anything else;
 * {@code staff-pin --stdin --data-dir D} refuses {@link #EASY_PIN} as the agent does and marks any
 * other PIN as set in {@code D/staff-pin-set} (never the PIN itself).
 */
public final class FakeAgent {
    /** The code the fake collector knows. */
    public static final String GOOD_CODE = "7KQ2-M9XD-4TRB";
    /** A PIN the agent refuses. */
    public static final String EASY_PIN = "123456";

    private FakeAgent() {}

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        if (a.isEmpty() || !(a.get(0).equals("enrol") || a.get(0).equals("staff-pin"))) {
            System.err.println("fake agent: only enrol and staff-pin");
            System.exit(2);
        }
        int config = a.indexOf("--config");
        if (config < 0 || !Files.isRegularFile(Path.of(a.get(config + 1)))) {
            System.err.println("fake agent: no --config file");
            System.exit(2);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (a.get(0).equals("staff-pin")) {
            staffPin(a, line);
            return;
        }
        String code = line;
        if (GOOD_CODE.equals(code)) {
            System.out.println("enrolled: device dev-1 of club club-1");
            System.exit(0);
        }
        System.err.println("enrolment failed: the collector cannot be reached (connect timed out)");
        System.exit(1);
    }

    private static void staffPin(List<String> a, String pin) throws Exception {
        if (!a.contains("--stdin")) {
            System.err.println("fake agent: staff-pin without --stdin would wait for a terminal");
            System.exit(2);
        }
        if (EASY_PIN.equals(pin)) {
            System.err.println(
                    "staff-pin: this PIN is too easy to guess (a run or one digit repeated); choose another");
            System.exit(2);
        }
        Path data = Path.of(a.get(a.indexOf("--data-dir") + 1));
        Files.createDirectories(data);
        Files.writeString(data.resolve("staff-pin-set"), "set\n");
        System.out.println("staff PIN set");
    }
}
