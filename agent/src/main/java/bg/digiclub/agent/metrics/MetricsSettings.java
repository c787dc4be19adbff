package bg.digiclub.agent.metrics;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.config.ConfigProperties;

/**
 * Where the agent writes its node_exporter textfile and who may read it (keys {@code metrics.*},
 * explained in {@code agent/config/agent.example.properties}).
 *
 * @param textfileDir   node_exporter's {@code --collector.textfile.directory} (Debian's
 *                      {@code /var/lib/prometheus/node-exporter}); empty: no file is written
 * @param textfileGroup the group the file is given, mode 0640: node_exporter's account is in it,
 *                      the visitor's is not (the installer makes it and adds Debian's
 *                      {@code prometheus} to it)
 */
public record MetricsSettings(Optional<Path> textfileDir, String textfileGroup) {
    /** The group the installer makes for node_exporter's account (docs/operations.md). */
    public static final String DEFAULT_GROUP = "digiclub-metrics";

    public MetricsSettings {
        Objects.requireNonNull(textfileDir, "textfileDir");
        Objects.requireNonNull(textfileGroup, "textfileGroup");
        textfileDir.ifPresent(dir -> {
            if (!dir.isAbsolute()) {
                throw new IllegalArgumentException("metrics.textfile-dir must be an absolute path, was " + dir);
            }
        });
        if (textfileGroup.isBlank()) {
            throw new IllegalArgumentException("metrics.textfile-group must name a group");
        }
    }

    /** Reads {@code metrics.textfile-dir} and {@code metrics.textfile-group}; a bad value is a ConfigException naming the file and key. */
    public static MetricsSettings read(ConfigProperties c) {
        Optional<Path> dir = c.path("metrics.textfile-dir");
        if (dir.isPresent() && !dir.get().isAbsolute()) {
            throw c.bad("metrics.textfile-dir", dir.get().toString(), "must be an absolute path");
        }
        // an empty value is refused by ConfigProperties, naming the file and key
        return new MetricsSettings(dir, c.string("metrics.textfile-group", DEFAULT_GROUP));
    }
}
