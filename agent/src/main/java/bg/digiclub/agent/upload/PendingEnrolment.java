package bg.digiclub.agent.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrolment the install could not finish (the collector was unreachable): the club's code
 * waits in a root-only file ({@code upload.enrol-code-file}) and the agent enrols by itself as
 * soon as the collector answers, then deletes the file. Tried again with the upload backoff
 * (30 s doubling to 6 h by default); a code the collector refuses stays, and the reason is
 * logged for staff at every try.
 */
public final class PendingEnrolment {
    private static final Logger LOG = LoggerFactory.getLogger(PendingEnrolment.class);
    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private final Path codeFile;
    private final EnrolmentClient client;
    private final EnrolmentStore store;
    private final Backoff backoff;
    private final Clock clock;
    private int failures;
    private Instant nextTry;

    public PendingEnrolment(Path codeFile, EnrolmentClient client, EnrolmentStore store, Backoff backoff, Clock clock) {
        this.codeFile = Objects.requireNonNull(codeFile, "codeFile");
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextTry = clock.instant();
    }

    /** Tries to enrol if the PC is not enrolled, a code is waiting and its time has come. */
    public void tick() throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextTry)) {
            return;
        }
        if (store.credentials().isPresent()) {
            forget("the PC is enrolled");
            nextTry = Instant.MAX;
            return;
        }
        Optional<String> code = read();
        if (code.isEmpty()) {
            nextTry = Instant.MAX;
            return;
        }
        try {
            DeviceCredentials device = client.enrol(code.get());
            LOG.info(
                    "enrolled by itself as device {} of club {} (the install could not reach the collector)",
                    device.deviceId(),
                    device.clubId());
            forget("enrolled");
            nextTry = Instant.MAX;
        } catch (EnrolmentException e) {
            failures++;
            nextTry = now.plus(backoff.delay(failures, Optional.empty()));
            LOG.warn("not enrolled yet: {}; trying again at {}", e.getMessage(), nextTry);
        }
    }

    private Optional<String> read() {
        try {
            if (!Files.isRegularFile(codeFile, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.getPosixFilePermissions(codeFile, LinkOption.NOFOLLOW_LINKS).stream()
                    .anyMatch(OTHERS::contains)) {
                LOG.error("the enrolment code in {} is readable by other accounts: not used (chmod 600 it)", codeFile);
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(codeFile, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank()
                    ? Optional.empty()
                    : Optional.of(lines.get(0).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.error("cannot read the enrolment code in {}: {}", codeFile, e.getMessage());
            return Optional.empty();
        }
    }

    private void forget(String why) {
        try {
            if (Files.deleteIfExists(codeFile)) {
                LOG.info("{}: the waiting enrolment code {} is deleted", why, codeFile);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the enrolment code {}: {}", codeFile, e.getMessage());
        }
    }
}
