package bg.digiclub.collector.store;

import java.util.Objects;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * One connection pool's counts at a moment, as HikariCP keeps them: for {@code /metrics}, where a
 * pool whose callers wait ({@code pending}) is the first sign of a database that cannot keep up.
 *
 * @param pool    the pool's name ({@code sqlite-writer}, {@code sqlite-reader}, {@code postgresql})
 * @param active  connections lent out
 * @param idle    connections open and free
 * @param pending callers waiting for a connection
 * @param max     the most connections the pool opens
 */
public record PoolStats(String pool, int active, int idle, int pending, int max) {
    public PoolStats {
        Objects.requireNonNull(pool, "pool");
    }

    static PoolStats of(HikariDataSource source) {
        HikariPoolMXBean bean = source.getHikariPoolMXBean();
        int max = source.getMaximumPoolSize();
        if (bean == null) {
            // not started yet (or closed): nothing lent, nothing open
            return new PoolStats(source.getPoolName(), 0, 0, 0, max);
        }
        return new PoolStats(
                source.getPoolName(),
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(),
                max);
    }
}
