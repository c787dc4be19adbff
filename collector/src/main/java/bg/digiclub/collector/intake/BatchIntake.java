package bg.digiclub.collector.intake;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.store.BatchStore;
import bg.digiclub.collector.store.BatchWriter;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.DeviceIdentity;
import bg.digiclub.collector.store.StoreOutcome;
import bg.digiclub.common.batch.Batch;

/**
 * Takes one batch delivery from a device, in the order that costs least for a bad request:
 * token, rate limit, body limits, strict parsing, headers against body, device against token,
 * period against the clock and the device's enrolment, days against their hours, then the one
 * storing transaction (which also refuses a repeated or falling sequence).
 */
public final class BatchIntake {
    private static final Logger LOG = LoggerFactory.getLogger(BatchIntake.class);

    /** How far a PC's clock may run ahead of the collector's before its batches are refused. */
    static final Duration CLOCK_TOLERANCE = Duration.ofHours(1);

    private final BatchWriter batches;
    private final RateLimiter rateLimiter;
    private final BodyReader bodyReader;
    private final ObjectMapper json;
    private final DeviceTokens tokens;
    private final Clock clock;

    /**
     * @param tokenTimeToLive how long a token's device is remembered (a revocation takes effect
     *                        within it); zero to look it up for every batch
     */
    public BatchIntake(
            ClubStore clubs,
            BatchWriter batches,
            RateLimiter rateLimiter,
            BodyReader bodyReader,
            ObjectMapper json,
            Clock clock,
            Duration tokenTimeToLive) {
        this.batches = batches;
        this.rateLimiter = rateLimiter;
        this.bodyReader = bodyReader;
        this.json = json;
        this.tokens = new DeviceTokens(clubs, clock, tokenTimeToLive);
        this.clock = clock;
    }

    /** The token check this intake uses (and its cache), for the live channel to share. */
    public DeviceTokens deviceTokens() {
        return tokens;
    }

    /** One delivery; the headers as received (null when absent). */
    public IntakeResult receive(
            String authorization,
            String idempotencyKey,
            String contentType,
            String contentEncoding,
            long contentLength,
            InputStream body)
            throws ApiException, IOException, SQLException {
        DeviceIdentity device = tokens.authenticate(authorization);
        Optional<Duration> wait = rateLimiter.acquire(device.deviceId().toString());
        if (wait.isPresent()) {
            throw new ApiException(
                    429,
                    "rate-limited",
                    "too many batches from this device; retry after " + RateLimiter.retryAfterSeconds(wait.get())
                            + " s",
                    wait.get());
        }
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(400, "bad-header", "Content-Type must be application/json, was " + contentType);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ApiException(400, "bad-header", "the Idempotency-Key header (the batch id) is required");
        }
        byte[] bytes = bodyReader.read(body, contentLength, contentEncoding);
        Batch batch = parse(bytes);
        if (!idempotencyKey.strip().equalsIgnoreCase(batch.batchId().toString())) {
            throw new ApiException(
                    400,
                    "bad-header",
                    "Idempotency-Key " + idempotencyKey + " differs from the body's batchId " + batch.batchId());
        }
        if (!batch.deviceId().equals(device.deviceId())) {
            throw new ApiException(
                    403, "device-mismatch", "the token belongs to another device than deviceId " + batch.deviceId());
        }
        if (!batch.clubId().equals(device.clubId())) {
            throw new ApiException(
                    403, "device-mismatch", "the device is enrolled to another club than clubId " + batch.clubId());
        }
        Instant now = clock.instant();
        if (batch.periodTo().isAfter(now.plus(CLOCK_TOLERANCE))) {
            // a PC whose clock runs ahead would otherwise report days that have not happened yet,
            // and its real days would then be refused as already reported
            throw new ApiException(
                    422,
                    "period-in-future",
                    "the batch covers time up to " + batch.periodTo() + ", later than the collector's time " + now
                            + ": the PC's clock is wrong");
        }
        BatchPlausibility.requireAfterEnrolment(batch, device.enrolledAt(), CLOCK_TOLERANCE);
        BatchPlausibility.requireDaysWithinHours(batch);
        String hash = Secrets.sha256(json.writeValueAsBytes(batch));
        StoreOutcome outcome = batches.store(new BatchStore.Delivery(batch, hash, device));
        if (outcome instanceof StoreOutcome.Stored stored) {
            LOG.debug(
                    "stored {} batch {} seq {} of device {}",
                    batch.kind(),
                    batch.batchId(),
                    batch.sequence(),
                    batch.deviceId());
            return new IntakeResult(stored.receipt(), false, batch.kind());
        }
        if (outcome instanceof StoreOutcome.Replayed replayed) {
            LOG.info("replayed batch {} of device {}", batch.batchId(), batch.deviceId());
            return new IntakeResult(replayed.receipt(), true, batch.kind());
        }
        if (outcome instanceof StoreOutcome.Conflict conflict) {
            throw new ApiException(422, "batch-conflict", conflict.message());
        }
        if (outcome instanceof StoreOutcome.SequenceNotIncreasing refused) {
            throw new ApiException(422, "sequence-not-increasing", refused.message());
        }
        throw new ApiException(422, "already-reported", ((StoreOutcome.AlreadyReported) outcome).message());
    }

    private Batch parse(byte[] bytes) throws ApiException {
        try {
            return json.readValue(bytes, Batch.class);
        } catch (JsonProcessingException e) {
            // a newer agent should hear "version", not "unknown field": look at the version only
            // on this (rare) failure path, so a good batch is parsed once
            Integer version = schemaVersion(bytes);
            if (version != null && version != Batch.SCHEMA_VERSION) {
                throw new ApiException(
                        400,
                        "unsupported-schema-version",
                        "schemaVersion " + version + " is not supported; this collector reads " + Batch.SCHEMA_VERSION);
            }
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new ApiException(400, "malformed-json", "the body cannot be read: " + e.getMessage());
        }
    }

    private Integer schemaVersion(byte[] bytes) {
        try {
            var version = json.readTree(bytes).get("schemaVersion");
            return version != null && version.isInt() ? version.intValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
