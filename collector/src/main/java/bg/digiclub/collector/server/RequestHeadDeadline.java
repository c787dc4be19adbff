package bg.digiclub.collector.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose first request head has not arrived within the deadline. The idle
 * timeout cannot catch a client that trickles its head a byte every few seconds (each byte starts
 * it again), and Jetty holds no thread for such a connection, but it does hold the connection:
 * this gives it back. Later requests on a kept-alive connection are left to the per-address cap,
 * a body to the minimum data rate.
 */
final class RequestHeadDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final Duration deadline;

    RequestHeadDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof Connection.UpgradeTo) {
            // a connection upgraded from HTTP (the live channel's WebSocket) had its request head on
            // the HTTP connection before it; its silence is its own protocol's business
            return;
        }
        scheduler.schedule(
                () -> {
                    // getMessagesIn counts requests whose head was complete (HTTP/1.1 connections)
                    if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0) {
                        connection.getEndPoint().close();
                    }
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
        // nothing kept per connection; the scheduled check finds it closed
    }
}
