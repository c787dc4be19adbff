package bg.digiclub.agent.upload;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.config.ConfigProperties;

/**
 * Enrolment the agent finishes by itself.
 *
 * @param pendingCodeFile where the installer left the club's code when the collector could not be
 *                        reached at install ({@code upload.enrol-code-file}, root-only); the agent
 *                        enrols with it as soon as it can and deletes it
 */
public record EnrolmentSettings(Optional<Path> pendingCodeFile) {
    public EnrolmentSettings {
        Objects.requireNonNull(pendingCodeFile, "pendingCodeFile");
    }

    public static EnrolmentSettings read(ConfigProperties c) {
        Optional<Path> file = c.path("upload.enrol-code-file");
        if (file.isPresent() && !file.get().isAbsolute()) {
            throw c.bad("upload.enrol-code-file", file.get().toString(), "must be an absolute path");
        }
        return new EnrolmentSettings(file);
    }
}
