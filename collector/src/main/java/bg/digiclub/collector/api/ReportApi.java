package bg.digiclub.collector.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.intake.BearerToken;
import bg.digiclub.collector.intake.RateLimiter;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;

/**
 * The read API's routes: {@code GET /api/v1/reports/programme} (the report as JSON),
 * {@code GET /api/v1/reports/programme/rows} (the same figures in long form),
 * {@code GET /api/v1/reports/clubs}, the OpenAPI document at {@code GET /api/v1/openapi.json} (no
 * token), and {@code GET /api/v1/problems/<code>} (what each problem type means). Each report
 * request needs a read API token ({@link ApiTokens}) whose scope covers what it asks for, within the
 * token's allowance ({@link RateLimiter} per token); every error is an RFC 9457 problem.
 */
public final class ReportApi {
    private static final Logger LOG = LoggerFactory.getLogger(ReportApi.class);

    /** The OpenAPI document on the class path. */
    public static final String OPENAPI_RESOURCE = "openapi/digiclub-collector.json";

    static final String REPORTS = "/api/v1/reports";
    static final String OPENAPI = "/api/v1/openapi.json";
    private static final String REALM = "Bearer realm=\"digiclub-reports\"";

    private final ApiTokens tokens;
    private final ProgrammeReports reports;
    private final ClubListing listing;
    private final ApiAllowance allowance;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final byte[] openApi;

    /**
     * @param allowance each token's allowance of requests (configuration: {@code api.*})
     * @param zone    the municipality's zone: its current month is the last one listed
     */
    public ReportApi(
            ApiTokens tokens,
            ProgrammeReports reports,
            Database database,
            ClubStore clubs,
            ApiAllowance allowance,
            ObjectMapper json,
            Clock clock,
            ZoneId zone) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.listing = new ClubListing(database, Objects.requireNonNull(clubs, "clubs"));
        this.allowance = Objects.requireNonNull(allowance, "allowance");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = allowance.limiter(clock);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.openApi = openApiDocument();
    }

    /** The OpenAPI document's bytes, as served. */
    public static byte[] openApiDocument() {
        try (InputStream in = ReportApi.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the OpenAPI document " + OPENAPI_RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + OPENAPI_RESOURCE + " cannot be read", e);
        }
    }

    public void register(JavalinConfig config) {
        Objects.requireNonNull(config, "config");
        config.routes.get(OPENAPI, ctx -> handle(ctx, this::openApi));
        config.routes.get(REPORTS + "/clubs", ctx -> handle(ctx, this::clubs));
        config.routes.get(REPORTS + "/programme", ctx -> handle(ctx, c -> programme(c, false)));
        config.routes.get(REPORTS + "/programme/rows", ctx -> handle(ctx, c -> programme(c, true)));
        config.routes.get(Problems.TYPE_PATH + "{code}", ctx -> handle(ctx, this::problemType));
        // anything else under the API's paths is a problem too, never an HTML or plain text page
        Handler notFound = ctx -> handle(ctx, c -> {
            throw new ApiProblem(ProblemType.NOT_FOUND, "no " + c.path() + " here");
        });
        config.routes.get(REPORTS + "/*", notFound);
        config.routes.get(REPORTS, notFound);
        for (String path : new String[] {REPORTS, REPORTS + "/*", OPENAPI, Problems.TYPE_PATH + "*"}) {
            Handler notAllowed = ctx -> handle(ctx, c -> {
                c.header("Allow", "GET");
                throw new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, c.method() + " is not answered here; use GET");
            });
            config.routes.post(path, notAllowed);
            config.routes.put(path, notAllowed);
            config.routes.patch(path, notAllowed);
            config.routes.delete(path, notAllowed);
        }
    }

    @FunctionalInterface
    private interface Endpoint {
        void handle(Context ctx) throws ApiProblem, SQLException;
    }

    private void handle(Context ctx, Endpoint endpoint) {
        try {
            endpoint.handle(ctx);
        } catch (ApiProblem p) {
            p.headers().forEach(ctx::header);
            if (p.problem().status() != 429) {
                LOG.info(
                        "{} {} refused: {} {}",
                        ctx.method(),
                        ctx.path(),
                        p.problem().status(),
                        p.getMessage());
            }
            Problems.send(ctx, p.problem());
        } catch (SQLException e) {
            LOG.error("{} {}: the database failed", ctx.method(), ctx.path(), e);
            ctx.header("Retry-After", "30");
            Problems.send(ctx, ProblemType.UNAVAILABLE.with("the collector's database is not available; retry later"));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Problems.send(ctx, ProblemType.INTERNAL.with("the collector failed unexpectedly; retry later"));
        }
    }

    private void openApi(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("application/json").result(openApi);
    }

    private void problemType(Context ctx) throws ApiProblem {
        ProblemType type = ProblemType.ofCode(ctx.pathParam("code"))
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "no problem type " + ctx.pathParam("code")));
        ctx.contentType("text/plain; charset=utf-8")
                .result(type.status() + " " + type.title() + "\n\n" + type.description() + "\n");
    }

    private void clubs(Context ctx) throws ApiProblem, SQLException {
        ApiToken token = authorised(ctx);
        answer(ctx, listing.of(token.scope(), YearMonth.now(clock.withZone(zone))));
    }

    private void programme(Context ctx, boolean rows) throws ApiProblem, SQLException {
        ApiToken token = authorised(ctx);
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(ctx.queryParam("period"));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.BAD_PERIOD, e.getMessage());
        }
        ReportScope scope;
        try {
            String asked = ctx.queryParam("scope");
            scope = asked == null ? token.scope() : ReportScope.parse(asked);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.BAD_SCOPE, e.getMessage());
        }
        if (!token.mayRead(scope)) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN_SCOPE,
                    "this token reads club " + token.scope().clubId() + " only, not " + scope.name());
        }
        Optional<ProgrammeReport> report = reports.report(scope, period);
        if (report.isEmpty()) {
            throw new ApiProblem(ProblemType.UNKNOWN_CLUB, "no club " + scope.clubId());
        }
        answer(ctx, rows ? ReportRows.of(report.get()) : ReportJson.of(report.get()));
    }

    /** The request's token, if it is a valid one with requests left; else the problem to answer. */
    private ApiToken authorised(Context ctx) throws ApiProblem, SQLException {
        String secret;
        try {
            secret = BearerToken.of(ctx.header("Authorization"));
        } catch (BearerToken.Missing e) {
            throw new ApiProblem(ProblemType.MISSING_TOKEN, e.getMessage()).header("WWW-Authenticate", REALM);
        }
        Optional<ApiToken> token = tokens.find(secret);
        if (token.isEmpty() || token.get().revoked()) {
            throw new ApiProblem(
                            ProblemType.INVALID_TOKEN,
                            token.isEmpty() ? "the token is unknown here" : "the token was revoked")
                    .header("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
        }
        Optional<Duration> wait = limiter.acquire(token.get().id());
        if (wait.isPresent()) {
            long seconds = RateLimiter.retryAfterSeconds(wait.get());
            throw new ApiProblem(ProblemType.RATE_LIMITED, allowance.describe() + "; retry in " + seconds + " s")
                    .header("Retry-After", Long.toString(seconds));
        }
        return token.get();
    }

    private void answer(Context ctx, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("an answer could not be written as JSON", e);
        }
        ctx.header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .contentType("application/json")
                .result(bytes);
    }
}
