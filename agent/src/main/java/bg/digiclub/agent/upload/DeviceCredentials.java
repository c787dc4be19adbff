package bg.digiclub.agent.upload;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * This PC's enrolment with the collector.
 *
 * @param collectorUrl the collector it was enrolled with
 * @param deviceId     the random installation id the collector issued
 * @param clubId       the club it belongs to
 * @param token        the bearer token; secret: {@link #toString()} leaves it out
 */
public record DeviceCredentials(URI collectorUrl, UUID deviceId, String clubId, String token, Instant enrolledAt) {
    public DeviceCredentials {
        Objects.requireNonNull(collectorUrl, "collectorUrl");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(clubId, "clubId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    @Override
    public String toString() {
        return "DeviceCredentials[deviceId=" + deviceId + ", clubId=" + clubId + ", collector=" + collectorUrl + "]";
    }
}
