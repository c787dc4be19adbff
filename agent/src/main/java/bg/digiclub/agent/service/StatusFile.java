package bg.digiclub.agent.service;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import bg.digiclub.common.health.HealthReport;

/**
 * The running agent's latest health report, in {@code status.json} in the data directory, so
 * that {@code agent status} can show it without disturbing the service. Written atomically
 * (temp file + rename): a reader never sees half a file. Written by {@link StatusJson} every
 * sample, read back with Jackson.
 */
public final class StatusFile {
    public static final String FILE_NAME = "status.json";

    private final Path file;
    private final File target;
    private final File tmp;
    private final StatusJson json = new StatusJson();

    public StatusFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        this.target = file.toFile();
        this.tmp = file.resolveSibling(FILE_NAME + ".tmp").toFile();
    }

    /**
     * Not thread-safe: one publisher writes. Through {@code java.io} and a plain rename, which
     * replaces the file atomically on Linux: NIO's {@code Files.writeString} and {@code Files.move}
     * run several times as much Java per write, and this runs every sample. Where a rename cannot
     * replace an existing file (Windows), {@code Files.move} does.
     */
    public void write(HealthReport report) throws IOException {
        try (FileOutputStream out = new FileOutputStream(tmp)) {
            out.write(json.write(report).getBytes(StandardCharsets.UTF_8));
        }
        if (!tmp.renameTo(target)) {
            Files.move(tmp.toPath(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The report written by a running agent, if there is one no older than {@code maxAge}
     * (older means the agent is not running or is stuck, and the caller samples itself).
     */
    public Optional<HealthReport> readFresh(Instant now, Duration maxAge) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            HealthReport report = Reader.JSON.readValue(file.toFile(), HealthReport.class);
            if (report.sampledAt() == null
                    || Duration.between(report.sampledAt(), now).compareTo(maxAge) > 0) {
                return Optional.empty();
            }
            return Optional.of(report);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JSON form used by the file and by {@code agent status --json}. */
    public static String toJson(HealthReport report) {
        return new StatusJson().write(report);
    }

    /** Jackson reads the file back; only {@code agent status} reads, so the running agent never loads this. */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    }
}
