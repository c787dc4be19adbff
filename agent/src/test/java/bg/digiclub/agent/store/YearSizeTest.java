package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store of one PC stays small: 400 simulated days (the longest anything is kept) of 45
 * metrics, the last week at the real 30 s interval, retention running as it goes.
 */
class YearSizeTest {
    private static final long LIMIT_BYTES = 50_000_000;

    @TempDir
    Path dir;

    @Test
    void fourHundredDaysOfSamplesStayUnder50Megabytes() throws Exception {
        YearSimulation.Figures f = YearSimulation.run(
                dir,
                Duration.ofDays(400),
                Duration.ofDays(7).plusHours(2),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofMinutes(10));
        System.out.println(f);
        assertTrue(f.fileBytes() < LIMIT_BYTES, f.toString());
        assertEquals(45, f.metrics());
        // Raw: exactly the last 7 days (the hour 7 days back onwards); hourly: every hour of the
        // last 400 days (the simulation ends on an hour boundary, so the last hour is complete).
        assertEquals(7 * 2880 * 45, f.rawRows(), f.toString());
        assertEquals(400 * 24 * 45, f.hourlyRows(), f.toString());
        assertTrue(f.freePages() * 10 < f.pageCount(), "little free space left inside: " + f);
    }
}
