package bg.digiclub.collector.server;

import java.time.Duration;
import java.util.Collections;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/**
 * What keeps the collector answering while many clients are slow on purpose (connections that
 * send a byte every few seconds): {@code /healthz}, uploads and the dashboard go on.
 *
 * <ul>
 *   <li>Request bodies are read before a request thread is taken ({@link EagerContentHandler}):
 *       Jetty reads them as bytes arrive, without a thread, so a slow body holds a little memory,
 *       not one of the server's threads. Without this, a few hundred slow uploads would hold every
 *       thread and nothing else would be answered.</li>
 *   <li>A body that arrives slower than the minimum rate is answered 408 and its connection closed
 *       ({@link MinimumDataRateHandler}, and the same minimum for the servlet's own reads).</li>
 *   <li>A connection on which nothing arrives for the idle timeout is closed, and so is one whose
 *       first request head has not arrived within it ({@link RequestHeadDeadline}), however many
 *       bytes trickle in.</li>
 *   <li>At most so many connections from one address ({@link ConnectionsPerAddress}); a trusted
 *       proxy is not limited.</li>
 *   <li>Throttles key on the client address, which is the TCP peer unless that is a trusted proxy
 *       ({@link ClientAddresses}).</li>
 * </ul>
 * A request head trickled in holds no thread in Jetty either, only its connection, until the
 * deadline. Behind the documented HTTPS proxy, the proxy buffers requests and limits its
 * own clients; these limits then guard the collector's own port.
 */
final class SlowClients {
    private SlowClients() {}

    /** Applies the settings' limits to Javalin's Jetty; returns the connection limiter (for its counts). */
    static ConnectionsPerAddress configure(JavalinConfig config, ServerSettings settings) {
        ClientAddresses addresses = settings.clientAddresses();
        ConnectionsPerAddress perAddress = new ConnectionsPerAddress(settings.maxConnectionsPerAddress(), addresses);
        config.contextResolver.ip = ctx -> addresses.client(
                ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(settings.minRequestBytesPerSecond()));
        // Javalin puts its servlet context inside the innermost wrapper set here
        config.jetty.modifyServer(server -> server.setHandler(handlers(settings)));
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setIdleTimeout(settings.idleTimeoutSeconds() * 1000L);
            connector.addBean(perAddress);
            connector.addBean(new RequestHeadDeadline(
                    connector.getScheduler(), Duration.ofSeconds(settings.idleTimeoutSeconds())));
            return connector;
        });
        return perAddress;
    }

    private static Handler.Wrapper handlers(ServerSettings settings) {
        // a body over the wire limit is not kept: the request goes on and is refused with 413 by BodyReader
        Handler.Wrapper eager = new EagerContentHandler(
                new EagerContentHandler.RetainedContentLoaderFactory(settings.maxWireBytes(), -1, false));
        if (settings.minRequestBytesPerSecond() == 0) {
            return eager;
        }
        return new MinimumDataRateHandler(eager, settings.minRequestBytesPerSecond(), 0);
    }
}
