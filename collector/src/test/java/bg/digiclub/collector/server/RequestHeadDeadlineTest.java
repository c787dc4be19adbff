package bg.digiclub.collector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.junit.jupiter.api.Test;

class RequestHeadDeadlineTest {
    private final List<Object> scheduled = new ArrayList<>();
    private final Scheduler scheduler = (Scheduler) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Scheduler.class}, (proxy, method, args) -> {
                if (method.getName().equals("schedule")) {
                    scheduled.add(args[0]);
                }
                return null;
            });
    private final RequestHeadDeadline deadline = new RequestHeadDeadline(scheduler, Duration.ofSeconds(30));

    @Test
    void anHttpConnectionIsGivenTheDeadlineButOneUpgradedToAWebSocketIsNot() {
        deadline.onOpened(connection(Connection.class));
        assertEquals(1, scheduled.size(), "a new HTTP connection must have its request head within the deadline");

        // the live channel's WebSocket: a silent PC between its pings must not be cut at the deadline
        deadline.onOpened(connection(Connection.class, Connection.UpgradeTo.class));
        assertEquals(1, scheduled.size());
    }

    private static Connection connection(Class<?>... types) {
        return (Connection) Proxy.newProxyInstance(
                RequestHeadDeadlineTest.class.getClassLoader(), types, (proxy, method, args) -> null);
    }
}
