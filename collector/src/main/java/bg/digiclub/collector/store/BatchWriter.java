package bg.digiclub.collector.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for batch intake. Request threads hand their delivery over and wait; writer
 * threads take whatever has queued up (at most {@code maxGroup}) and store it in one
 * transaction. Alone, a delivery is stored at once, as before; when a fleet uploads its backlog,
 * fifty deliveries cost about what one does. Should a group fail as a whole (one of its batches
 * repeats an hour reported before, or the database refuses), each of its deliveries is stored
 * on its own, so every delivery gets its own exact answer and no good batch waits for a bad one.
 */
public final class BatchWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final BatchStore store;
    private final int maxGroup;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param writers  threads writing groups: one for SQLite (one writer at a time anyway), two for
     *                 PostgreSQL (one group is built while the other commits)
     * @param maxGroup the most deliveries in one transaction
     */
    public BatchWriter(BatchStore store, int writers, int maxGroup) {
        if (writers < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("writers and maxGroup must be at least 1");
        }
        this.store = store;
        this.maxGroup = maxGroup;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::run, "digiclub-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    /** The writer count that suits a database. */
    public static int writersFor(Dialect dialect) {
        return dialect == Dialect.SQLITE ? 1 : 2;
    }

    /** Stores a delivery, with others that arrive at the same time; waits for its outcome. */
    public StoreOutcome store(BatchStore.Delivery delivery) throws SQLException {
        if (closed) {
            throw new SQLException("the collector is shutting down");
        }
        Pending pending = new Pending(delivery, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.outcome.get();
        } catch (InterruptedException e) {
            // the delivery may still be stored: the device's retry is then answered as a replay
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the batch was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException("storing the batch failed", e.getCause());
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(maxGroup);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("the batch writer failed; its deliveries get an error and are retried by their devices", e);
                group.forEach(p -> p.outcome.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        if (group.size() > 1) {
            try {
                List<StoreOutcome> outcomes = store.storeTogether(
                        group.stream().map(Pending::delivery).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).outcome.complete(outcomes.get(i));
                }
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.debug("a group of {} deliveries is stored one by one: {}", group.size(), e.toString());
            }
        }
        for (Pending pending : group) {
            try {
                pending.outcome.complete(store.store(pending.delivery));
            } catch (SQLException | RuntimeException e) {
                pending.outcome.completeExceptionally(e);
            }
        }
    }

    /**
     * Deliveries handed over and waiting for a writer thread to take them, not counting the groups
     * being written now: for {@code /metrics}. It grows when the database cannot keep up with intake.
     */
    public int queued() {
        return queue.size();
    }

    /** Stores what is queued, then stops the writers. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Pending left; (left = queue.poll()) != null; ) {
            left.outcome.completeExceptionally(new SQLException("the collector is shutting down"));
        }
    }

    private record Pending(BatchStore.Delivery delivery, CompletableFuture<StoreOutcome> outcome) {}
}
