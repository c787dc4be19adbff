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
 * "enrols" with {@link #GOOD_CODE}, fails like an unreachable collector with anything else.
 */
public final class FakeAgent {
    /** The code the fake collector knows. */
    public static final String GOOD_CODE = "7KQ2-M9XD-4TRB";

    private FakeAgent() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        if (a.isEmpty() || !a.get(0).equals("enrol")) {
            System.err.println("fake agent: only enrol");
            System.exit(2);
        }
        int config = a.indexOf("--config");
        if (config < 0 || !Files.isRegularFile(Path.of(a.get(config + 1)))) {
            System.err.println("fake agent: no --config file");
            System.exit(2);
        }
        String code = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (GOOD_CODE.equals(code)) {
            System.out.println("enrolled: device dev-1 of club club-1");
            System.exit(0);
        }
        System.err.println("enrolment failed: the collector cannot be reached (connect timed out)");
        System.exit(1);
    }
}
