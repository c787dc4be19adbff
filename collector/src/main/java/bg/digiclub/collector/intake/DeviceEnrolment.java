package bg.digiclub.collector.intake;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.auth.AttemptThrottle;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.TokenSeal;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Enrolled;
import bg.digiclub.common.batch.EnrolmentRequest;
import bg.digiclub.common.batch.EnrolmentResponse;

/**
 * Enrols a PC with its club's code: a new random device id and token (only the token's hash is
 * kept). Failed attempts are throttled per client address, so codes cannot be guessed.
 *
 * <p>Idempotent: a request carrying a request key answered before (its answer lost on the way)
 * gets the same device and token again, for {@link ClubStore#REPEAT_WINDOW}. The token comes back
 * from its copy sealed under the request key ({@link TokenSeal}); the collector cannot open it
 * without the agent's key, which it never stores.
 */
public final class DeviceEnrolment {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEnrolment.class);

    private final ClubStore clubs;
    private final Secrets secrets;
    private final AttemptThrottle throttle;
    private final BodyReader bodyReader;
    private final ObjectMapper json;
    private final Clock clock;

    public DeviceEnrolment(
            ClubStore clubs,
            Secrets secrets,
            AttemptThrottle throttle,
            BodyReader bodyReader,
            ObjectMapper json,
            Clock clock) {
        this.clubs = clubs;
        this.secrets = secrets;
        this.throttle = throttle;
        this.bodyReader = bodyReader;
        this.json = json;
        this.clock = clock;
    }

    public EnrolmentResponse enrol(
            String clientAddress, String contentType, String contentEncoding, long contentLength, InputStream body)
            throws ApiException, IOException, SQLException {
        Optional<Duration> locked = throttle.lockedFor(clientAddress);
        if (locked.isPresent()) {
            throw new ApiException(
                    429,
                    "rate-limited",
                    "too many failed enrolments from this address; retry after "
                            + RateLimiter.retryAfterSeconds(locked.get()) + " s",
                    locked.get());
        }
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(400, "bad-header", "Content-Type must be application/json, was " + contentType);
        }
        byte[] bytes = bodyReader.read(body, contentLength, contentEncoding);
        EnrolmentRequest request;
        try {
            request = json.readValue(bytes, EnrolmentRequest.class);
        } catch (JsonProcessingException e) {
            throttle.failed(clientAddress);
            throw JsonProblems.of(e);
        }
        String token = secrets.newToken();
        String requestKey = request.requestKey();
        ClubStore.RequestRecord record = requestKey == null
                ? null
                : new ClubStore.RequestRecord(TokenSeal.keyHash(requestKey), TokenSeal.seal(requestKey, token));
        Optional<Enrolled> enrolled = clubs.enrol(
                Secrets.hashCode(request.enrolmentCode()),
                Secrets.hashToken(token),
                request.agentVersion(),
                request.previousDeviceId(),
                record,
                clock.instant());
        if (enrolled.isEmpty()) {
            throttle.failed(clientAddress);
            throw new ApiException(
                    403,
                    "enrolment-refused",
                    "the enrolment code is unknown, expired, used up or "
                            + "revoked"
                            + (request.previousDeviceId() == null
                                    ? ""
                                    : ", or the previous device belongs to " + "another club")
                            + (requestKey == null ? "" : ", or this request's device was revoked"));
        }
        Enrolled device = enrolled.get();
        if (device.repeated()) {
            Optional<String> earlier = TokenSeal.open(requestKey, device.repeatedSealedToken());
            if (earlier.isEmpty()) {
                // only a changed row (or a hash collision) gets here: refuse rather than guess
                throttle.failed(clientAddress);
                throw new ApiException(
                        403,
                        "enrolment-refused",
                        "this enrolment request cannot be answered again; " + "enrol with a new request");
            }
            token = earlier.get();
        }
        throttle.succeeded(clientAddress);
        LOG.info(
                "enrolled device {} as PC {} of club {}{}",
                device.deviceId(),
                device.deviceNumber(),
                device.club().id(),
                device.repeated()
                        ? " (a repeated request: the same answer again)"
                        : request.previousDeviceId() == null ? "" : " (re-enrolment)");
        return new EnrolmentResponse(
                device.deviceId(), device.club().id(), device.club().name(), device.deviceNumber(), token);
    }
}
