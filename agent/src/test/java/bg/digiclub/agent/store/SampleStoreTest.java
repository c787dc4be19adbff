package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.store.HistoryPoint.Resolution;
import bg.digiclub.testsupport.TestClock;

class SampleStoreTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private TestClock clock;
    private SampleStore store;
    private Retention retention;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        clock = new TestClock(T0);
        store = new SampleStore(db, clock);
        retention = new Retention(db, clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    static HealthSample sample(Instant at, Map<String, Double> metrics) {
        return new HealthSample(at, metrics, List.of(), List.of());
    }

    @Test
    void newStoreHasNoLatestSample() throws Exception {
        assertEquals(Optional.empty(), store.latest());
    }

    @Test
    void latestIsTheNewestSampleWithItsProcesses() throws Exception {
        HealthSample older = RealisticSamples.sample(1, T0);
        HealthSample newer = RealisticSamples.sample(2, T0.plusSeconds(30));
        store.append(older);
        store.append(newer);
        HealthSample latest = store.latest().orElseThrow();
        assertEquals(newer, latest);
        assertEquals(45, latest.metrics().size());
    }

    @Test
    void aLateSampleDoesNotReplaceTheNewestOnesProcesses() throws Exception {
        ProcessUsage firefox = new ProcessUsage(10, "firefox-esr", 50, 1L << 30);
        ProcessUsage libreoffice = new ProcessUsage(11, "soffice.bin", 20, 1L << 29);
        store.append(
                new HealthSample(T0.plusSeconds(60), Map.of(Metric.CPU_LOAD_PCT, 50.0), List.of(firefox), List.of()));
        store.append(new HealthSample(T0, Map.of(Metric.CPU_LOAD_PCT, 20.0), List.of(libreoffice), List.of()));
        HealthSample latest = store.latest().orElseThrow();
        assertEquals(T0.plusSeconds(60), latest.at());
        assertEquals(List.of(firefox), latest.topByCpu());
    }

    @Test
    void latestProcessesFollowTheListsAsTheyChangeAndComeBack() throws Exception {
        ProcessUsage firefox = new ProcessUsage(10, "firefox-esr", 50, 1L << 30);
        ProcessUsage libreoffice = new ProcessUsage(11, "soffice.bin", 20, 1L << 29);
        List<List<ProcessUsage>> lists =
                List.of(List.of(firefox), List.of(firefox), List.of(libreoffice), List.of(firefox));
        for (int i = 0; i < lists.size(); i++) {
            store.append(new HealthSample(
                    T0.plusSeconds(10L * i),
                    Map.of(Metric.CPU_LOAD_PCT, (double) i),
                    lists.get(i),
                    List.of(libreoffice)));
            HealthSample latest = store.latest().orElseThrow();
            assertEquals(lists.get(i), latest.topByCpu(), "after sample " + i);
            assertEquals(List.of(libreoffice), latest.topByMemory(), "after sample " + i);
        }
        // another store on the same database (the agent restarted) writes its first lists whatever is there
        SampleStore restarted = new SampleStore(db, clock);
        restarted.append(new HealthSample(T0.plusSeconds(60), Map.of(Metric.CPU_LOAD_PCT, 9.0), List.of(), List.of()));
        assertEquals(List.of(), store.latest().orElseThrow().topByCpu());
    }

    @Test
    void timeIsKeptInWholeSeconds() throws Exception {
        store.append(sample(T0.plusMillis(1_999), Map.of(Metric.CPU_LOAD_PCT, 1.5)));
        assertEquals(T0.plusSeconds(1), store.latest().orElseThrow().at());
    }

    @Test
    void valueThatIsNotFiniteIsSkippedAndTheRestKept() throws Exception {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(Metric.CPU_TEMPERATURE_C, Double.NaN);
        metrics.put(Metric.fanRpm(1), Double.POSITIVE_INFINITY);
        metrics.put(Metric.CPU_LOAD_PCT, 12.25);
        store.append(sample(T0, metrics));
        assertEquals(
                Map.of(Metric.CPU_LOAD_PCT, 12.25), store.latest().orElseThrow().metrics());
    }

    @Test
    void metricsAppearingLaterGetTheirOwnHistory() throws Exception {
        store.append(sample(T0, Map.of(Metric.CPU_LOAD_PCT, 1.0)));
        store.append(
                sample(T0.plusSeconds(30), Map.of(Metric.CPU_LOAD_PCT, 2.0, Metric.fsFreePct("/media/usb"), 80.0)));
        assertEquals(List.of(Metric.CPU_LOAD_PCT, Metric.fsFreePct("/media/usb")), store.metricNames());
        assertEquals(
                List.of(HistoryPoint.raw(Metric.fsFreePct("/media/usb"), T0.plusSeconds(30), 80.0)),
                store.history(Metric.fsFreePct("/media/usb"), T0, T0.plusSeconds(60)));
    }

    @Test
    void historyIsRawForTheLastWeekAndHourlyBefore() throws Exception {
        // Ten days, a sample every 10 minutes, retention every hour as the agent would run it.
        String load = Metric.CPU_LOAD_PCT;
        for (int i = 0; i < 10 * 144; i++) {
            Instant at = T0.plus(Duration.ofMinutes(10L * i));
            clock.set(at);
            store.append(sample(at, Map.of(load, (double) (i % 6), Metric.MEM_USED_PCT, 40.0)));
            if (i % 6 == 5) {
                retention.run();
            }
        }
        clock.set(T0.plus(Duration.ofDays(10)));
        retention.run();

        List<HistoryPoint> all = store.history(load, T0, clock.instant());
        List<HistoryPoint> hourly =
                all.stream().filter(p -> p.resolution() == Resolution.HOURLY).toList();
        List<HistoryPoint> raw =
                all.stream().filter(p -> p.resolution() == Resolution.RAW).toList();
        // Raw readings are kept from the hour 7 days before the last run; hours before are summarized.
        Instant rawFrom = T0.plus(Duration.ofDays(3));
        assertEquals(72, hourly.size(), "3 days of hours");
        assertEquals(new HistoryPoint(load, T0, Resolution.HOURLY, 0, 2.5, 5, 6), hourly.get(0));
        assertEquals(rawFrom.minus(Duration.ofHours(1)), hourly.get(71).at());
        assertEquals(7 * 144, raw.size());
        assertEquals(HistoryPoint.raw(load, rawFrom, 0), raw.get(0));
        assertTrue(all.indexOf(raw.get(0)) == hourly.size(), "hourly points come first, then raw, by time");

        // A period in the middle: the hour that overlaps its start is included.
        List<HistoryPoint> middle =
                store.history(load, T0.plus(Duration.ofMinutes(90)), T0.plus(Duration.ofMinutes(150)));
        assertEquals(
                List.of(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))),
                middle.stream().map(HistoryPoint::at).toList());
        assertEquals(7 * 144, store.history(load, Duration.ofDays(7)).size(), "the last week");
    }

    @Test
    void historyByPrefixReturnsEveryMatchingMetricInNameOrder() throws Exception {
        store.append(RealisticSamples.sample(0, T0));
        store.append(RealisticSamples.sample(1, T0.plusSeconds(30)));
        List<HistoryPoint> root = store.historyByPrefix("fs./.", T0, T0.plusSeconds(30));
        assertEquals(
                List.of(
                        "fs./.free_bytes",
                        "fs./.free_bytes",
                        "fs./.free_pct",
                        "fs./.free_pct",
                        "fs./.total_bytes",
                        "fs./.total_bytes",
                        "fs./.used_bytes",
                        "fs./.used_bytes"),
                root.stream().map(HistoryPoint::metric).toList());
        assertEquals(16, store.historyByPrefix("fs.", T0, T0.plusSeconds(30)).size(), "/ and /home");
        assertEquals(List.of(), store.historyByPrefix("fs_", T0, T0.plusSeconds(30)), "'_' is not a wildcard");
    }

    @Test
    void historyOfAnUnknownMetricIsEmptyAndABackwardsPeriodIsRefused() throws Exception {
        store.append(RealisticSamples.sample(0, T0));
        assertEquals(List.of(), store.history("no.such.metric", T0, T0));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> store.history(Metric.CPU_LOAD_PCT, T0, T0.minusSeconds(1)));
        assertTrue(e.getMessage().contains("after it ends"), e.getMessage());
    }

    @Test
    void aSampleForAnAlreadySummarizedHourIsSummarizedAgain() throws Exception {
        String load = Metric.CPU_LOAD_PCT;
        store.append(sample(T0.plusSeconds(600), Map.of(load, 10.0)));
        store.append(sample(T0.plusSeconds(1200), Map.of(load, 20.0)));
        clock.set(T0.plus(Duration.ofMinutes(60)));
        assertEquals(1, retention.run().hoursSummarized());
        // The last sample of the hour is written just after the summary ran.
        store.append(sample(T0.plusSeconds(3599), Map.of(load, 60.0)));
        store.append(sample(T0.plusSeconds(3630), Map.of(load, 1.0)));
        assertEquals(1, retention.run().hoursSummarized());

        clock.set(T0.plus(Duration.ofDays(8)));
        retention.run();
        assertEquals(
                List.of(new HistoryPoint(load, T0, Resolution.HOURLY, 10, 30, 60, 3)),
                store.history(load, T0, T0.plusSeconds(3599)));
    }
}
