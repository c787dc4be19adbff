package bg.digiclub.common.batch;

import java.util.UUID;

/**
 * The collector's answer to a successful enrolment (201).
 *
 * @param deviceId     the device's random installation id; goes into every batch
 * @param clubId       the club it belongs to; goes into every batch
 * @param clubName     the club's name, for the agent's status output
 * @param deviceNumber the PC's number within the club ("PC 3"), what the dashboard shows
 * @param token        the bearer token for {@code Authorization: Bearer <token>}; shown once,
 *                     the collector keeps only its hash. Keep it secret, never log it
 */
public record EnrolmentResponse(UUID deviceId, String clubId, String clubName, int deviceNumber, String token) {
    public EnrolmentResponse {
        Require.present(deviceId, "deviceId");
        Require.matches(clubId, BatchLimits.CLUB_ID, "clubId");
        Require.present(clubName, "clubName");
        Require.range(deviceNumber, 1, BatchLimits.MAX_COUNT, "deviceNumber");
        Require.matches(token, BatchLimits.TOKEN, "token");
    }

    /** Leaves the token out, so that logging a response never reveals it. */
    @Override
    public String toString() {
        return "EnrolmentResponse[deviceId=" + deviceId + ", clubId=" + clubId + ", deviceNumber=" + deviceNumber + "]";
    }
}
