package bg.digiclub.agent.upload;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.batch.BatchKind;

/**
 * Sends sealed batches from the {@link Outbox} to the collector ({@code POST <base>/api/v1/batches},
 * docs/protocol.md), one batch per request, oldest first, at most a bounded number per round.
 *
 * <p>Each request carries the batch exactly as sealed (gzip, {@code Content-Encoding: gzip}),
 * the device's bearer token and {@code Idempotency-Key: <batch id>}. The answer decides:
 * <ul>
 *   <li>2xx: the collector has it; the batch is deleted.</li>
 *   <li>network error, 408, 429, 5xx (and any answer we do not understand): everything is kept,
 *       the round stops, the next one waits for the backoff with full jitter, at least the
 *       collector's {@code Retry-After}. There is no last attempt.</li>
 *   <li>401/403: everything is kept, sending stops and the PC is marked "needs re-enrolment"
 *       (persisted, shown by {@code agent status}).</li>
 *   <li>400/413/422: that batch is quarantined with the collector's reason; the round goes on.</li>
 * </ul>
 */
public final class Uploader {
    /** The collector's batch intake (docs/protocol.md). */
    public static final String BATCHES_PATH = "/api/v1/batches";

    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final Outbox outbox;
    private final EnrolmentStore enrolment;
    private final Database db;
    private final OkHttpClient http;
    private final URI collectorUrl;
    private final Backoff backoff;
    private final Clock clock;
    private final int maxBatchesPerRound;

    public Uploader(
            Outbox outbox,
            EnrolmentStore enrolment,
            Database db,
            OkHttpClient http,
            URI collectorUrl,
            Backoff backoff,
            Clock clock,
            int maxBatchesPerRound) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.enrolment = Objects.requireNonNull(enrolment, "enrolment");
        this.db = Objects.requireNonNull(db, "db");
        this.http = Objects.requireNonNull(http, "http");
        this.collectorUrl = Objects.requireNonNull(collectorUrl, "collectorUrl");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBatchesPerRound < 1) {
            throw new IllegalArgumentException("maxBatchesPerRound must be at least 1, was " + maxBatchesPerRound);
        }
        this.maxBatchesPerRound = maxBatchesPerRound;
    }

    /**
     * One round: sends the due batches of {@code kinds}, oldest first.
     *
     * @param ignoreBackoff true for an explicit "upload now" by staff: send even while a backoff
     *                      is running (a 401/403 still stops everything)
     */
    public UploadRound send(Set<BatchKind> kinds, boolean ignoreBackoff) throws SQLException {
        Optional<DeviceCredentials> creds = enrolment.credentials();
        if (creds.isEmpty()) {
            return UploadRound.stopped(UploadRound.Outcome.NOT_ENROLLED, "not enrolled: run agent enrol");
        }
        Optional<String> refused = enrolment.needsReenrolment();
        if (refused.isPresent()) {
            return UploadRound.stopped(UploadRound.Outcome.NEEDS_REENROLMENT, refused.get());
        }
        Instant now = clock.instant();
        UploadState state = UploadState.load(db);
        if (!ignoreBackoff && now.isBefore(state.notBefore()) && !clockWentBack(now, state.notBefore())) {
            return new UploadRound(
                    0,
                    0,
                    UploadRound.Outcome.BACKING_OFF,
                    Optional.of(state.notBefore()),
                    state.lastError().orElse(""));
        }
        // The shared not-before above is the gate; a batch's own next_attempt_at is for status
        // only, so a clock set back cannot strand a batch in the future.
        List<SealedBatch> batches = outbox.sendable(kinds, Instant.ofEpochMilli(Long.MAX_VALUE), maxBatchesPerRound);
        int sent = 0;
        int quarantined = 0;
        for (SealedBatch batch : batches) {
            Answer answer = post(batch, creds.get().token());
            switch (answer.verdict()) {
                case DELIVERED -> {
                    outbox.delivered(batch.batchId());
                    UploadState.recordSuccess(db, clock.instant());
                    sent++;
                }
                case QUARANTINE -> {
                    LOG.warn(
                            "collector refused {} batch #{} for good, quarantined: {}",
                            batch.kind(),
                            batch.sequence(),
                            answer.detail());
                    outbox.quarantine(batch.batchId(), answer.detail());
                    quarantined++;
                }
                case REENROL -> {
                    LOG.error(
                            "collector refused this PC's token ({}); nothing more is sent until it is enrolled again "
                                    + "(agent enrol)",
                            answer.detail());
                    enrolment.markNeedsReenrolment(answer.detail());
                    return new UploadRound(
                            sent,
                            quarantined,
                            UploadRound.Outcome.NEEDS_REENROLMENT,
                            Optional.empty(),
                            answer.detail());
                }
                case RETRY -> {
                    int failures = UploadState.recordFailure(db, answer.detail());
                    Instant retryAt = clock.instant().plus(backoff.delay(failures, answer.retryAfter()));
                    outbox.failed(batch.batchId(), retryAt, answer.detail());
                    UploadState.setNotBefore(db, retryAt);
                    LOG.info(
                            "upload of {} batch #{} failed ({}), attempt {} in a row; next try at {}",
                            batch.kind(),
                            batch.sequence(),
                            answer.detail(),
                            failures,
                            retryAt);
                    return new UploadRound(
                            sent, quarantined, UploadRound.Outcome.RETRY_LATER, Optional.of(retryAt), answer.detail());
                }
                default -> throw new IllegalStateException("unknown verdict " + answer.verdict());
            }
        }
        UploadRound.Outcome outcome =
                batches.size() == maxBatchesPerRound ? UploadRound.Outcome.MORE_WAITING : UploadRound.Outcome.DONE;
        if (sent + quarantined > 0) {
            LOG.info("upload round: {} batch(es) delivered, {} quarantined", sent, quarantined);
        }
        return new UploadRound(sent, quarantined, outcome, Optional.empty(), "");
    }

    /**
     * A wait longer than any we impose means the PC's clock was set back after it was fixed: do
     * not sit out a backoff that may last years.
     */
    private boolean clockWentBack(Instant now, Instant notBefore) {
        Duration longest = backoff.ceiling(Integer.MAX_VALUE).compareTo(RetryAfter.MAX) > 0
                ? backoff.ceiling(Integer.MAX_VALUE)
                : RetryAfter.MAX;
        return Duration.between(now, notBefore).compareTo(longest.plusMinutes(1)) > 0;
    }

    private Answer post(SealedBatch batch, String token) {
        Request request = new Request.Builder()
                .url(CollectorHttp.endpoint(collectorUrl, BATCHES_PATH))
                .header("Authorization", "Bearer " + token)
                .header("Content-Encoding", "gzip")
                .header("Idempotency-Key", batch.batchId().toString())
                .post(RequestBody.create(batch.payloadGzip(), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                // The body (a receipt) is not needed: 2xx alone means "stored". A garbage body
                // after a 2xx must not make us send the batch again for ever.
                return new Answer(Verdict.DELIVERED, "", Optional.empty());
            }
            String reason = CollectorHttp.reason(code, response.body());
            Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
            return new Answer(verdictFor(code), reason, retryAfter);
        } catch (IOException e) {
            return new Answer(
                    Verdict.RETRY,
                    "network: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    Optional.empty());
        }
    }

    /** The protocol's table of answers (docs/protocol.md, "Answers and what the client does"). */
    static Verdict verdictFor(int code) {
        if (code >= 200 && code < 300) {
            return Verdict.DELIVERED;
        }
        return switch (code) {
            case 400, 413, 422 -> Verdict.QUARANTINE;
            case 401, 403 -> Verdict.REENROL;
            // 408, 429, 5xx by the protocol; anything else (404 of a wrong URL, a proxy's 3xx)
            // is a configuration or network problem that must not cost data: keep and retry.
            default -> Verdict.RETRY;
        };
    }

    enum Verdict {
        DELIVERED,
        QUARANTINE,
        REENROL,
        RETRY
    }

    private record Answer(Verdict verdict, String detail, Optional<Duration> retryAfter) {}
}
