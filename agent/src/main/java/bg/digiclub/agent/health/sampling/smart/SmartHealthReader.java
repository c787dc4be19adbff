package bg.digiclub.agent.health.sampling.smart;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.DeviceNames;
import bg.digiclub.agent.health.sampling.ExpiringValue;
import bg.digiclub.agent.health.sampling.smart.SmartctlOutput.HealthVerdict;
import bg.digiclub.agent.health.sampling.smart.SmartctlOutput.ScannedDevice;

/**
 * SMART disk health from smartmontools: {@code smartctl --scan -j} finds the disks, then
 * {@code smartctl -H -j -d TYPE DISK} asks each for its overall verdict, giving
 * {@link Metric#diskSmartOk(String)} = 1 (PASSED) or 0 (FAILED). A disk smartctl cannot judge (no
 * SMART support, no permission, unknown device type) and every disk of a PC without smartctl get no
 * metric: "unknown", never "failed".
 *
 * <p>Verdicts are kept for a time-to-live (an hour by default): SMART health changes over days,
 * and each call starts a process per disk. Not thread-safe.
 */
public final class SmartHealthReader {
    /** Default time the verdicts are kept. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** Default time one smartctl call may take before it is killed. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SmartHealthReader.class);

    private final Optional<SmartctlCommand> smartctl;
    private final ExpiringValue<Map<String, Double>> verdicts;

    SmartHealthReader(Optional<SmartctlCommand> smartctl, Clock clock, Duration ttl) {
        this.smartctl = Objects.requireNonNull(smartctl, "smartctl");
        this.verdicts = new ExpiringValue<>(this::queryVerdicts, ttl, clock);
    }

    /**
     * A reader using the {@code smartctl} found on {@code PATH}; one that reports nothing when
     * there is none.
     *
     * @param clock          drives the time-to-live
     * @param ttl            how long verdicts are kept
     * @param commandTimeout how long one smartctl call may take before it is killed
     */
    public static SmartHealthReader fromPath(Clock clock, Duration ttl, Duration commandTimeout) {
        Optional<Path> executable = SmartctlProcess.findOnPath(System.getenv("PATH"), File.pathSeparator);
        if (executable.isEmpty()) {
            LOG.info("smartctl not found on PATH: SMART disk health is not available");
        } else {
            LOG.info("SMART disk health from {}", executable.get());
        }
        return new SmartHealthReader(executable.map(path -> new SmartctlProcess(path, commandTimeout)), clock, ttl);
    }

    /**
     * A reader using the {@code smartctl} at {@code executable} (e.g. from the configuration on
     * Windows, where the smartmontools installer does not always put it on {@code PATH}).
     */
    public static SmartHealthReader using(Path executable, Clock clock, Duration ttl, Duration commandTimeout) {
        return new SmartHealthReader(Optional.of(new SmartctlProcess(executable, commandTimeout)), clock, ttl);
    }

    /** Whether smartctl was found; without it {@link #metrics()} is always empty. */
    public boolean available() {
        return smartctl.isPresent();
    }

    /** One {@code disk.<name>.smart_ok} metric per disk smartctl could judge; kept for the TTL. */
    public Map<String, Double> metrics() {
        return verdicts.get();
    }

    private Map<String, Double> queryVerdicts() {
        if (smartctl.isEmpty()) {
            return Map.of();
        }
        SmartctlCommand command = smartctl.get();
        List<ScannedDevice> devices = command.run(List.of("--scan", "-j"))
                .map(json -> parseOrLog(() -> SmartctlOutput.parseScan(json), "--scan", List.<ScannedDevice>of()))
                .orElse(List.of());
        Map<String, Double> metrics = new TreeMap<>();
        for (ScannedDevice device : devices) {
            queryVerdict(command, device)
                    .passed()
                    .ifPresent(passed -> metrics.put(
                            Metric.diskSmartOk(DeviceNames.shortDiskName(device.name())), passed ? 1.0 : 0.0));
        }
        return Map.copyOf(metrics);
    }

    private HealthVerdict queryVerdict(SmartctlCommand command, ScannedDevice device) {
        List<String> args = new ArrayList<>(List.of("-H", "-j"));
        if (!device.type().isBlank()) {
            args.add("-d");
            args.add(device.type());
        }
        args.add(device.name());
        HealthVerdict unknown = new HealthVerdict(Optional.empty(), 0, List.of());
        HealthVerdict verdict = command.run(args)
                .map(json -> parseOrLog(() -> SmartctlOutput.parseHealth(json), device.name(), unknown))
                .orElse(unknown);
        if (verdict.passed().isEmpty()) {
            LOG.info(
                    "SMART health of {} is not available: {}",
                    device.name(),
                    verdict.messages().isEmpty() ? "smartctl gave no verdict" : String.join("; ", verdict.messages()));
        } else if (!verdict.passed().get()) {
            LOG.warn("SMART health of {} is FAILED", device.name());
        }
        return verdict;
    }

    private static <T> T parseOrLog(Supplier<T> parse, String what, T fallback) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot read smartctl output for {}: {}", what, e.getMessage());
            return fallback;
        }
    }
}
