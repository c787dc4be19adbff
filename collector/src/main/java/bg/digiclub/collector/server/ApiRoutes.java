package bg.digiclub.collector.server;

import java.io.IOException;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.cards.CardSyncIntake;
import bg.digiclub.collector.intake.ApiException;
import bg.digiclub.collector.intake.BatchIntake;
import bg.digiclub.collector.intake.DeviceEnrolment;
import bg.digiclub.collector.intake.IntakeResult;
import bg.digiclub.collector.intake.RateLimiter;
import bg.digiclub.collector.metrics.IntakeCounters;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Problem;
import bg.digiclub.common.cards.CardSyncResponse;

/**
 * The device API: {@code POST /api/v1/enrolments}, {@code POST /api/v1/batches},
 * {@code POST /api/v1/cards/sync}, {@code GET /healthz}.
 */
final class ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private final BatchIntake intake;
    private final DeviceEnrolment enrolment;
    private final CardSyncIntake cards;
    private final Database database;
    private final ObjectMapper json;
    private final IntakeCounters counters;

    ApiRoutes(
            BatchIntake intake,
            DeviceEnrolment enrolment,
            CardSyncIntake cards,
            Database database,
            ObjectMapper json,
            IntakeCounters counters) {
        this.intake = intake;
        this.enrolment = enrolment;
        this.cards = cards;
        this.database = database;
        this.json = json;
        this.counters = counters;
    }

    void register(JavalinConfig config) {
        config.routes.exception(Exception.class, this::unexpected);
        config.routes.post("/api/v1/batches", this::batch);
        config.routes.post("/api/v1/enrolments", this::enrol);
        config.routes.post("/api/v1/cards/sync", this::cardSync);
        config.routes.get("/healthz", this::health);
    }

    private void batch(Context ctx) throws IOException {
        try {
            IntakeResult result = intake.receive(
                    ctx.header("Authorization"),
                    ctx.header("Idempotency-Key"),
                    ctx.header("Content-Type"),
                    ctx.header("Content-Encoding"),
                    ctx.req().getContentLengthLong(),
                    ctx.req().getInputStream());
            if (result.replayed()) {
                ctx.header("Idempotent-Replayed", "true");
            }
            counters.batchTaken(result.kind(), result.replayed());
            respond(ctx, 200, result.receipt());
        } catch (ApiException e) {
            counters.batchRejected(e.code());
            problem(ctx, e);
        } catch (IOException e) {
            // the body stopped arriving (idle timeout, too slow) or the connection broke: nothing was
            // stored. Debug only: a flood of slow clients must not become a flood of log lines
            LOG.debug("batch body not received: {}", e.toString());
            counters.batchRejected("timeout");
            respond(ctx, 408, new Problem(408, "timeout", "the request body was not received completely; retry"));
        } catch (SQLException e) {
            LOG.error("storing a batch failed", e);
            counters.batchRejected("unavailable");
            ctx.header("Retry-After", "30");
            respond(
                    ctx,
                    503,
                    new Problem(503, "unavailable", "the collector's database is not available; retry later"));
        }
    }

    private void enrol(Context ctx) throws IOException {
        try {
            EnrolmentResponse response = enrolment.enrol(
                    ctx.ip(),
                    ctx.header("Content-Type"),
                    ctx.header("Content-Encoding"),
                    ctx.req().getContentLengthLong(),
                    ctx.req().getInputStream());
            respond(ctx, 201, response);
        } catch (ApiException e) {
            problem(ctx, e);
        } catch (SQLException e) {
            LOG.error("enrolment failed", e);
            ctx.header("Retry-After", "30");
            respond(
                    ctx,
                    503,
                    new Problem(503, "unavailable", "the collector's database is not available; retry later"));
        }
    }

    private void cardSync(Context ctx) throws IOException {
        try {
            CardSyncResponse response = cards.receive(
                    ctx.header("Authorization"),
                    ctx.header("Content-Type"),
                    ctx.header("Content-Encoding"),
                    ctx.req().getContentLengthLong(),
                    ctx.req().getInputStream());
            counters.cardSyncTaken();
            respond(ctx, 200, response);
        } catch (ApiException e) {
            counters.cardSyncRejected(e.code());
            problem(ctx, e);
        } catch (SQLException e) {
            LOG.error("card sync failed", e);
            counters.cardSyncRejected("unavailable");
            ctx.header("Retry-After", "30");
            respond(
                    ctx,
                    503,
                    new Problem(503, "unavailable", "the collector's database is not available; retry later"));
        }
    }

    /** Anything unforeseen: logged, and answered as a 500 the client retries (API) or an error page. */
    private void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        if (ctx.path().startsWith("/api/")) {
            try {
                respond(ctx, 500, new Problem(500, "internal", "the collector failed unexpectedly; retry later"));
            } catch (IOException ignored) {
                ctx.status(500);
            }
        } else {
            ctx.status(500).contentType("text/plain; charset=utf-8").result("Вътрешна грешка / internal error");
        }
    }

    private void health(Context ctx) throws IOException {
        try {
            database.read(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("SELECT 1");
                }
                return null;
            });
            ctx.contentType("application/json").result("{\"status\":\"ok\"}");
        } catch (SQLException e) {
            respond(ctx, 503, new Problem(503, "unavailable", "the database does not answer"));
        }
    }

    private void problem(Context ctx, ApiException e) throws IOException {
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", Long.toString(RateLimiter.retryAfterSeconds(e.retryAfter())));
        }
        if (e.status() != 429) {
            LOG.info("{} {} refused: {} {}", ctx.method(), ctx.path(), e.status(), e.getMessage());
        }
        respond(ctx, e.status(), new Problem(e.status(), e.code(), e.getMessage()));
    }

    private void respond(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
