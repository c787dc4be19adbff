package bg.digiclub.systemtest.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.upload.OutboxLimits;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.CollectorUnderTest;
import bg.digiclub.systemtest.support.FaultProxy;
import bg.digiclub.systemtest.support.RodinaMonday;
import bg.digiclub.systemtest.support.SimClock;

/**
 * {@code upload.health-interval-minutes} accepts 1 to 1440 minutes; a PC set to send its health
 * every 10 minutes must deliver a snapshot for every 10-minute slot while it is on.
 */
class HealthIntervalTest {
    @TempDir
    Path dir;

    @Test
    void aTenMinuteHealthIntervalDeliversEverySlot() throws Exception {
        Instant open = RodinaMonday.DAY.atTime(9, 0).atZone(SimClock.SOFIA).toInstant();
        SimClock clock = new SimClock(open.minus(Duration.ofMinutes(30)));
        try (CollectorUnderTest collector = new CollectorUnderTest("sqlite", dir, clock);
             FaultProxy network = new FaultProxy(() -> collector.port())) {
            collector.addClub(RodinaMonday.CLUB, RodinaMonday.CLUB_NAME, RodinaMonday.PLACE);
            UploadConfig everyTenMinutes = new UploadConfig(Optional.of(network.url()), List.of(), LocalTime.of(2, 0),
                    LocalTime.of(5, 0), Duration.ofMinutes(10), 100, OutboxLimits.DEFAULT, Duration.ofSeconds(30),
                    Duration.ofHours(6), Duration.ofSeconds(2), Duration.ofSeconds(10));
            try (ClubPc pc = new ClubPc(dir.resolve("pc1"), clock, everyTenMinutes)) {
                String device = pc.enrol(collector.newEnrolmentCode(RodinaMonday.CLUB)).deviceId().toString();
                // the agent's service loop ticks every few seconds; here every minute, sampling every 5
                TreeSet<String> expected = new TreeSet<>();
                for (Instant t = open; t.isBefore(open.plus(Duration.ofHours(3))); t = t.plus(Duration.ofMinutes(1))) {
                    clock.set(t);
                    if (t.getEpochSecond() % 300 == 0) {
                        pc.sample();
                    }
                    pc.upload().tick();
                    if (t.getEpochSecond() % 600 == 0) {
                        expected.add(Long.toString(t.getEpochSecond()));
                    }
                }
                TreeSet<String> stored = new TreeSet<>();
                collector.rows("SELECT at FROM health_snapshots WHERE device_id = ?", device)
                        .forEach(r -> stored.add(r.get(0)));
                assertEquals(readable(expected), readable(stored), "a snapshot for every 10-minute slot");
            }
        }
    }

    private static List<String> readable(TreeSet<String> epochSeconds) {
        return epochSeconds.stream().map(s -> Instant.ofEpochSecond(Long.parseLong(s)).atZone(SimClock.SOFIA)
                .toLocalTime().toString()).toList();
    }
}
