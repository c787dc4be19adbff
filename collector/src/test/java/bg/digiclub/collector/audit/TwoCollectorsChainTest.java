package bg.digiclub.collector.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.DemoSeeder;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.testsupport.TestClock;

/** Two collectors over one PostgreSQL, storing at the same time, keep one unbroken chain. */
class TwoCollectorsChainTest {
    @TempDir
    Path temp;

    @Test
    void twoDatabasesAppendingAtOnceKeepOneChain() throws Exception {
        String url = TestDatabases.url("postgresql", temp);
        TestClock clock = new TestClock(java.time.Instant.parse("2026-11-25T06:00:00Z"));
        try (Database first = Database.open(url);
                Database second = Database.open(url)) {
            List<DemoSeeder.SeededDevice> devices =
                    new DemoSeeder(first, clock).enrol(DemoClubs.staraZagora().subList(0, 4));
            // each collector stores the batches of its half of the PCs, two threads each, all at once
            List<DemoSeeder.SeededDevice> one = devices.subList(0, devices.size() / 2);
            List<DemoSeeder.SeededDevice> other = devices.subList(devices.size() / 2, devices.size());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> stored = new ArrayList<>();
                for (Callable<Long> work : List.of(
                        seed(first, clock, one.subList(0, one.size() / 2), start, 1),
                        seed(first, clock, one.subList(one.size() / 2, one.size()), start, 2),
                        seed(second, clock, other.subList(0, other.size() / 2), start, 3),
                        seed(second, clock, other.subList(other.size() / 2, other.size()), start, 4))) {
                    stored.add(pool.submit(work));
                }
                start.countDown();
                long batches = 0;
                for (Future<Long> f : stored) {
                    batches += f.get();
                }
                AuditReport report = new AuditVerifier(second).verify();
                assertEquals(List.of(), report.findings());
                assertEquals(batches + 1, report.lines());
                assertEquals(batches + 1, report.head().seq());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Stores twelve days of usage (a batch per device-day, groups of 50) and two of health. */
    private static Callable<Long> seed(
            Database db, TestClock clock, List<DemoSeeder.SeededDevice> devices, CountDownLatch start, long seed) {
        return () -> {
            start.await();
            try {
                return new DemoSeeder(db, clock).seed(devices, 12, 1, 2, seed);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
