package bg.digiclub.collector.metrics;

import java.util.Objects;
import java.util.function.Predicate;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.api.ProblemType;
import bg.digiclub.collector.api.Problems;
import bg.digiclub.support.metrics.PrometheusText;

/**
 * {@code GET /metrics}: the scrape, answered only to the allowed clients; anyone else gets 403 with
 * an RFC 9457 problem ({@code application/problem+json}, {@link ProblemType#METRICS_NOT_ALLOWED}). The client is the one the server's
 * trusted-proxy rules find ({@code Context.ip()}): the TCP peer, or behind a trusted proxy the
 * address it names, never an {@code X-Forwarded-For} from anyone else. The figures tell nothing of
 * a person, but how many PCs a municipality has and how they fare is for its IT, not the internet.
 */
public final class MetricsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    /** The path Prometheus scrapes. */
    public static final String PATH = "/metrics";

    private final CollectorMetrics metrics;
    private final Predicate<String> allowedClient;

    /** @param allowedClient whether a client address (a literal) may read the metrics */
    public MetricsEndpoint(CollectorMetrics metrics, Predicate<String> allowedClient) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.allowedClient = Objects.requireNonNull(allowedClient, "allowedClient");
    }

    public void register(JavalinConfig config) {
        config.routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        String client = ctx.ip();
        if (!allowedClient.test(client)) {
            LOG.info("GET {} refused to {}: not in metrics.allowed-addresses", PATH, client);
            Problems.send(
                    ctx,
                    ProblemType.METRICS_NOT_ALLOWED.with("this address may not read the metrics; the collector's "
                            + "metrics.allowed-addresses lists who may"));
            return;
        }
        ctx.header("Cache-Control", "no-store")
                .contentType(PrometheusText.CONTENT_TYPE)
                .result(metrics.scrape());
    }
}
