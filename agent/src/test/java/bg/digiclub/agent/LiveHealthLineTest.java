package bg.digiclub.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

class LiveHealthLineTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static HealthReport report(HealthStatus overall, long secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new HealthReport(
                overall,
                at,
                List.of(
                        new CheckReport("disk:/", overall, "7 % free of 237 GB", at),
                        new CheckReport("cpu-temperature", HealthStatus.UNKNOWN, "not available", at)));
    }

    @Test
    void watchedLiveEveryRoundIsWritten() {
        LiveHealthLine line = new LiveHealthLine(true);
        for (long s = 0; s < 300; s += 30) {
            HealthReport r = report(HealthStatus.OK, s);
            assertTrue(line.due(r), "round at +" + s + " s");
            line.accept(r);
        }
    }

    @Test
    void asAServiceTheFirstRoundChangesOfOverallStatusAndAnHourlyLineAreWritten() {
        LiveHealthLine line = new LiveHealthLine(false);
        List<Long> written = new ArrayList<>();
        HealthStatus[] overall = new HealthStatus[241];
        Arrays.fill(overall, HealthStatus.OK);
        for (int i = 100; i < 110; i++) {
            overall[i] = HealthStatus.WARN; // 5 minutes of WARN from +50 min
        }
        for (int i = 0; i < overall.length; i++) { // two hours at 30 s
            HealthReport r = report(overall[i], i * 30L);
            if (line.due(r)) {
                written.add(i * 30L);
            }
            line.accept(r);
        }
        // first, WARN at 50:00, OK again at 55:00, an hour after that, and another hour later
        assertEquals(List.of(0L, 3000L, 3300L, 6900L), written);
    }

    @Test
    void theLineHasEveryCheckAndFlagsOnlyWarnAndCrit() {
        HealthReport r = new HealthReport(
                HealthStatus.CRIT,
                T0,
                List.of(
                        new CheckReport("disk:/", HealthStatus.CRIT, "3 % free of 237 GB", T0),
                        new CheckReport("memory", HealthStatus.WARN, "93 % used", T0),
                        new CheckReport("uptime", HealthStatus.OK, "2 hours since restart", T0),
                        new CheckReport("cpu-temperature", HealthStatus.UNKNOWN, "not available", T0)));
        assertEquals(
                "CRIT | disk:/ 3 % free of 237 GB [CRIT] | memory 93 % used [WARN] | uptime 2 hours since restart"
                        + " | cpu-temperature not available",
                LiveHealthLine.format(r));
        assertFalse(LiveHealthLine.format(r).contains("[OK]"));
    }
}
