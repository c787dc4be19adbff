package bg.digiclub.agent.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agent enrol --code CODE}: joins this PC to its club at the municipality's collector
 * (upload.url). The collector answers with a random device id and a token; neither is derived
 * from the PC, and the token is never printed.
 */
@Command(name = "enrol", description = "Enrol this PC with the municipality's collector using the club's enrolment code.")
final class EnrolCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The club's enrolment code.")
    String code;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = options.load(Optional.empty());
        try {
            DeviceCredentials device = AgentRuntime.enrol(config, code);
            System.out.println("enrolled: device " + device.deviceId() + " of club " + device.clubId());
            return 0;
        } catch (EnrolmentException e) {
            System.err.println("enrolment failed: " + e.getMessage());
            return 1;
        }
    }
}
