package bg.digiclub.agent.health.sampling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * How the PC's health is sampled.
 *
 * @param interval     how often
 * @param timeout      a sample taking longer is abandoned (a hung WMI call on Windows)
 * @param smartEnabled whether to ask {@code smartctl} for disk health where it is installed
 */
public record SamplingSettings(Duration interval, Duration timeout, boolean smartEnabled) {
    public SamplingSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static SamplingSettings read(ConfigProperties c, Optional<Duration> intervalOption) {
        Duration interval = c.seconds(
                "sampling.interval-seconds", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1));
        if (intervalOption.isPresent()) {
            interval = intervalOption.get();
            if (interval.toSeconds() < 1 || interval.toSeconds() > 3600) {
                throw new ConfigException(
                        "option --interval must be between 1 and 3600 seconds (was " + interval.toSeconds() + ")");
            }
        }
        Duration timeout = c.seconds(
                "sampling.timeout-seconds", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new SamplingSettings(interval, timeout, c.bool("sampling.smart", true));
    }
}
