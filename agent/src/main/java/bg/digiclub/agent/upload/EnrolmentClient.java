package bg.digiclub.agent.upload;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.batch.EnrolmentCode;
import bg.digiclub.common.batch.EnrolmentRequest;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.StrictJson;

/**
 * Enrols this PC with the collector: the club's enrolment code in, this device's random id,
 * club and bearer token out ({@code POST <base>/api/v1/enrolments}, docs/protocol.md), stored in
 * the agent's database. Nothing about the PC is sent. On re-enrolment the previous device id is
 * sent so the collector can keep it (batches already sealed with it stay valid).
 *
 * <p>Idempotent: a random request key is generated once and stored before the first attempt, and
 * sent with every retry until an answer is stored. A retry whose first answer was lost (network
 * cut after the collector committed) gets the same device and token, not a second device.
 *
 * <p>The enrolment code, the request key and the token are never logged.
 */
public final class EnrolmentClient {
    /** The collector's enrolment endpoint (docs/protocol.md). */
    public static final String ENROLMENTS_PATH = "/api/v1/enrolments";

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentClient.class);
    /** The contract's mapper: the request and the answer are its records, checked as they are built. */
    private static final ObjectMapper JSON = StrictJson.mapper();

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OkHttpClient http;
    private final URI collectorUrl;
    private final EnrolmentStore store;
    private final Clock clock;
    private final String agentVersion;

    public EnrolmentClient(
            OkHttpClient http, URI collectorUrl, EnrolmentStore store, Clock clock, String agentVersion) {
        this.http = Objects.requireNonNull(http, "http");
        this.collectorUrl = Objects.requireNonNull(collectorUrl, "collectorUrl");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
    }

    /**
     * Enrols with {@code enrolmentCode} as staff typed it (case and spaces do not matter) and
     * stores the result, replacing an earlier enrolment and clearing "needs re-enrolment".
     *
     * @throws EnrolmentException naming what went wrong (bad code, refused, collector unreachable)
     */
    public DeviceCredentials enrol(String enrolmentCode) throws EnrolmentException, SQLException {
        String code = normalize(enrolmentCode);
        Optional<UUID> previous = store.credentials().map(DeviceCredentials::deviceId);
        // stored before the first attempt: a retry after a lost answer is the same request
        String requestKey = store.pendingRequestKey(EnrolmentClient::newRequestKey, clock.instant());
        Request request = new Request.Builder()
                .url(CollectorHttp.endpoint(collectorUrl, ENROLMENTS_PATH))
                .post(RequestBody.create(body(code, previous, requestKey), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (status == 200 || status == 201) {
                DeviceCredentials creds = parse(response.body().string());
                store.save(creds);
                LOG.info("enrolled with the collector as device {} of club {}", creds.deviceId(), creds.clubId());
                return creds;
            }
            String reason = CollectorHttp.reason(status, response.body());
            throw switch (status) {
                case 403 ->
                    new EnrolmentException("the collector refused the enrolment code (unknown, expired, used up "
                            + "or revoked — ask for a new one): " + reason);
                case 429 ->
                    new EnrolmentException("too many enrolment attempts; try again"
                            + RetryAfter.parse(response.header("Retry-After"), clock.instant())
                                    .map(d -> " in " + d.toSeconds() + " s")
                                    .orElse(" later")
                            + ": " + reason);
                default -> new EnrolmentException("enrolment failed: " + reason);
            };
        } catch (IOException e) {
            throw new EnrolmentException("cannot reach the collector at " + collectorUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new request key: 32 random bytes as 64 hex digits (random, nothing of the PC; hex, so that
     * it cannot spell a host or user name that a privacy check of the upload would flag).
     */
    static String newRequestKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The request as the contract writes it; an agent version the contract refuses is an error saying so. */
    private byte[] body(String code, Optional<UUID> previous, String requestKey) throws EnrolmentException {
        EnrolmentRequest request;
        try {
            request = new EnrolmentRequest(code, agentVersion, previous.orElse(null), requestKey);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentException("the enrolment request breaks the upload contract: " + e.getMessage());
        }
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new EnrolmentException("cannot write the enrolment request: " + e.getOriginalMessage(), e);
        }
    }

    /** The code in its canonical form, or an error that says what a code looks like. */
    static String normalize(String enrolmentCode) throws EnrolmentException {
        try {
            return EnrolmentCode.normalize(enrolmentCode);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentException(e.getMessage());
        }
    }

    private DeviceCredentials parse(String text) throws EnrolmentException {
        try {
            EnrolmentResponse answer = JSON.readValue(text, EnrolmentResponse.class);
            return new DeviceCredentials(
                    collectorUrl, answer.deviceId(), answer.clubId(), answer.token(), clock.instant());
        } catch (JsonProcessingException e) {
            // the message names the field the contract refuses; the answer's text (with its token) stays out
            throw new EnrolmentException("the collector's enrolment answer is not readable: " + e.getOriginalMessage());
        }
    }
}
