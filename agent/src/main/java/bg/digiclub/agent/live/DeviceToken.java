package bg.digiclub.agent.live;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentStore;

/**
 * The bearer token the live channel connects with: the upload's, while this PC is enrolled and the
 * collector has not refused it. Looked up before every connection, so enrolling (or being told to
 * enrol again) takes effect without a restart.
 */
@FunctionalInterface
public interface DeviceToken {
    /** The token now; empty when the PC is not enrolled or needs enrolling again. A secret: never logged. */
    Optional<String> current() throws SQLException;

    /** The token of the enrolment in {@code store}, unless the collector refused it (upload's 401/403). */
    static DeviceToken of(EnrolmentStore store) {
        Objects.requireNonNull(store, "store");
        return () -> store.needsReenrolment().isPresent()
                ? Optional.empty()
                : store.credentials().map(DeviceCredentials::token);
    }
}
