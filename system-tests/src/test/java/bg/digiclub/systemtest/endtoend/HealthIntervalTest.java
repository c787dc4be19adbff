package bg.digiclub.systemtest.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import bg.digiclub.testsupport.TestClock;

/**
 * {@code upload.health-interval-minutes} takes multiples of 15 minutes (snapshots are stamped with
 * their quarter hour, nothing finer may leave the PC); a PC set to send its health every 30 minutes
 * must deliver a snapshot for every 30-minute slot while it is on, and a 10-minute setting is
 * refused when the configuration is read instead of silently sending nothing.
 */
class HealthIntervalTest {
    @TempDir
    Path dir;

    @Test
    void aThirtyMinuteHealthIntervalDeliversEverySlot() throws Exception {
        Instant open = RodinaMonday.DAY.atTime(9, 0).atZone(TestClock.SOFIA).toInstant();
        TestClock clock = TestClock.sofia(open.minus(Duration.ofMinutes(30)));
        try (CollectorUnderTest collector = new CollectorUnderTest("sqlite", dir, clock);
                FaultProxy network = new FaultProxy(() -> collector.port())) {
            collector.addClub(RodinaMonday.CLUB, RodinaMonday.CLUB_NAME, RodinaMonday.PLACE);
            UploadConfig everyHalfHour = new UploadConfig(
                    Optional.of(network.url()),
                    List.of(),
                    LocalTime.of(2, 0),
                    LocalTime.of(5, 0),
                    Duration.ofMinutes(30),
                    100,
                    OutboxLimits.DEFAULT,
                    Duration.ofSeconds(30),
                    Duration.ofHours(6),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(10));
            try (ClubPc pc = new ClubPc(dir.resolve("pc1"), clock, everyHalfHour)) {
                String device = pc.enrol(collector.newEnrolmentCode(RodinaMonday.CLUB))
                        .deviceId()
                        .toString();
                // the agent's service loop ticks every few seconds; here every minute, sampling every 5
                TreeSet<String> expected = new TreeSet<>();
                for (Instant t = open; t.isBefore(open.plus(Duration.ofHours(3))); t = t.plus(Duration.ofMinutes(1))) {
                    clock.set(t);
                    if (t.getEpochSecond() % 300 == 0) {
                        pc.sample();
                    }
                    pc.upload().tick();
                    if (t.getEpochSecond() % 1800 == 0) {
                        expected.add(Long.toString(t.getEpochSecond()));
                    }
                }
                TreeSet<String> stored = new TreeSet<>();
                collector
                        .rows("SELECT at FROM health_snapshots WHERE device_id = ?", device)
                        .forEach(r -> stored.add(r.get(0)));
                assertEquals(readable(expected), readable(stored), "a snapshot for every 30-minute slot");
            }
        }
    }

    @Test
    void aHealthIntervalFinerThanAQuarterHourIsRefusedAtConfiguration() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new UploadConfig(
                        Optional.empty(),
                        List.of(),
                        LocalTime.of(2, 0),
                        LocalTime.of(5, 0),
                        Duration.ofMinutes(10),
                        100,
                        OutboxLimits.DEFAULT,
                        Duration.ofSeconds(30),
                        Duration.ofHours(6),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("15 minutes"), e.getMessage());
    }

    private static List<String> readable(TreeSet<String> epochSeconds) {
        return epochSeconds.stream()
                .map(s -> Instant.ofEpochSecond(Long.parseLong(s))
                        .atZone(TestClock.SOFIA)
                        .toLocalTime()
                        .toString())
                .toList();
    }
}
