package bg.digiclub.agent.metrics;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.config.ConfigProperties;

/**
 * Where the agent writes its node_exporter textfile (key {@code metrics.textfile-dir}, explained in
 * {@code agent/config/agent.example.properties}).
 *
 * @param textfileDir node_exporter's {@code --collector.textfile.directory} (Debian's
 *                    {@code /var/lib/prometheus/node-exporter}); empty: no file is written
 */
public record MetricsSettings(Optional<Path> textfileDir) {
    /** No textfile. */
    public static final MetricsSettings OFF = new MetricsSettings(Optional.empty());

    public MetricsSettings {
        Objects.requireNonNull(textfileDir, "textfileDir");
        textfileDir.ifPresent(dir -> {
            if (!dir.isAbsolute()) {
                throw new IllegalArgumentException("metrics.textfile-dir must be an absolute path, was " + dir);
            }
        });
    }

    /** Reads {@code metrics.textfile-dir}; a relative path is a ConfigException naming the file and key. */
    public static MetricsSettings read(ConfigProperties c) {
        Optional<Path> dir = c.path("metrics.textfile-dir");
        if (dir.isPresent() && !dir.get().isAbsolute()) {
            throw c.bad("metrics.textfile-dir", dir.get().toString(), "must be an absolute path");
        }
        return new MetricsSettings(dir);
    }
}
