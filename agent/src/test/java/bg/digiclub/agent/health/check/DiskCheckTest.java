package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.assertNoChangeOf;
import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.agent.health.check.EvaluationAsserts.statusOf;
import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;

/** Disk free space: WARN below 10 %, CRIT below 5 %, at once; one check per file system. */
class DiskCheckTest {
    private static final double DISK_237_GB = 237 * Samples.GB;
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void crossingTheLevelsRaisesAtOnce() {
        assertEquals(OK, statusOf(root(0, 10), "disk:/"), "exactly 10 % free is not below 10 %");
        Evaluation warn = root(1, 9.9);
        assertEquals(WARN, statusOf(warn, "disk:/"));
        assertEquals(OK, only(warn.changes(), "disk:/").from());
        Evaluation crit = root(2, 4.9);
        assertEquals(CRIT, statusOf(crit, "disk:/"));
        StatusChange change = only(crit.changes(), "disk:/");
        assertEquals(WARN, change.from());
        assertEquals(
                "delete or move files to free some space: 4.9 % free of 237 GB (critical below 5 % free)",
                change.detail());
    }

    @Test
    void valueReadsInPlainWords() {
        CheckReport disk = root(0, 7).check("disk:/").orElseThrow();
        assertEquals("7 % free of 237 GB", disk.value());
        assertEquals(Map.of("freePercent", 7.0, "totalBytes", DISK_237_GB), disk.facts(), "facts for the kiosk");
        assertEquals(Samples.START, disk.since());
    }

    @Test
    void fullDiskOnTheFirstSampleIsAChangeFromUnknown() {
        StatusChange change = only(root(0, 3).changes(), "disk:/");
        assertEquals(UNKNOWN, change.from());
        assertEquals(CRIT, change.to());
    }

    @Test
    void hysteresisClearsWarnOnlyTwoPointsAboveTheLevel() {
        root(0, 9);
        assertEquals(WARN, statusOf(root(1, 11.9), "disk:/"));
        Evaluation recovered = root(2, 12);
        assertEquals(OK, statusOf(recovered, "disk:/"));
        assertEquals(WARN, only(recovered.changes(), "disk:/").from());
    }

    @Test
    void freeSpaceWobblingAroundTenPercentDoesNotFlap() {
        root(0, 9.5);
        for (int minute = 1; minute < 120; minute++) {
            Evaluation e = root(minute, minute % 2 == 0 ? 9.8 : 10.3);
            assertEquals(WARN, statusOf(e, "disk:/"));
            assertNoChangeOf(e.changes(), "disk:/");
        }
    }

    @Test
    void critClearsToWarnThenOk() {
        root(0, 4);
        assertEquals(CRIT, statusOf(root(1, 6.9), "disk:/"));
        assertEquals(WARN, statusOf(root(2, 7), "disk:/"));
        assertEquals(OK, statusOf(root(3, 40), "disk:/"));
    }

    @Test
    void eachFileSystemIsItsOwnCheck() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsFreePct("/"), 50)
                .with(Metric.fsTotalBytes("/"), DISK_237_GB)
                .with(Metric.fsFreePct("/home"), 4)
                .with(Metric.fsTotalBytes("/home"), 931 * Samples.GB)
                .with(Metric.fsFreePct("/media/club.usb"), 80)
                .with(Metric.fsTotalBytes("/media/club.usb"), 14.6 * Samples.GB)
                .build());
        assertEquals(OK, statusOf(e, "disk:/"));
        assertEquals(CRIT, statusOf(e, "disk:/home"));
        assertEquals("4 % free of 931 GB", e.check("disk:/home").orElseThrow().value());
        assertEquals(
                "80 % free of 14.6 GB",
                e.check("disk:/media/club.usb").orElseThrow().value());
        List<String> diskNames = e.report().checks().stream()
                .map(CheckReport::name)
                .filter(n -> n.startsWith("disk:"))
                .toList();
        assertEquals(List.of("disk:/", "disk:/home", "disk:/media/club.usb"), diskNames);
        assertEquals(CRIT, e.report().overall());
    }

    @Test
    void freePercentIsWorkedOutFromBytesWhenMissing() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsFreeBytes("C:\\"), 50 * Samples.GB)
                .with(Metric.fsTotalBytes("C:\\"), 200 * Samples.GB)
                .build());
        assertEquals("25 % free of 200 GB", e.check("disk:C:\\").orElseThrow().value());
    }

    @Test
    void fileSystemWithoutAFreeFigureIsUnknown() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsTotalBytes("/data"), 100 * Samples.GB)
                .build());
        CheckReport data = e.check("disk:/data").orElseThrow();
        assertEquals(UNKNOWN, data.status());
        assertEquals("not available", data.value());
    }

    @Test
    void unpluggedDiskIsDroppedAndItsAlertClosed() {
        evaluator.evaluate(withUsb(0, 3));
        Evaluation unplugged = root(1, 50);
        assertTrue(unplugged.check("disk:/media/usb").isEmpty(), "dropped from the report");
        StatusChange closed = only(unplugged.changes(), "disk:/media/usb");
        assertEquals(CRIT, closed.from());
        assertEquals(UNKNOWN, closed.to());
        assertEquals(HealthEvaluator.NO_LONGER_REPORTED, closed.detail());
        assertEquals(OK, unplugged.report().overall(), "the unplugged disk no longer counts");
        assertEquals(CRIT, only(unplugged.changes(), "overall").from());
        // the remaining checks' changes come first, overall last
        assertEquals(
                "overall",
                unplugged.changes().get(unplugged.changes().size() - 1).check());

        assertTrue(root(2, 50).changes().isEmpty(), "dropped only once");
        Evaluation pluggedAgain = evaluator.evaluate(withUsb(3, 3));
        assertEquals(UNKNOWN, only(pluggedAgain.changes(), "disk:/media/usb").from(), "a new check");
        assertEquals(
                Samples.atMinute(3).build().at(),
                pluggedAgain.check("disk:/media/usb").orElseThrow().since());
    }

    @Test
    void freeBytesAreAFactWhenTheSampleHasThem() {
        CheckReport disk = evaluator
                .evaluate(Samples.atMinute(0)
                        .with(Metric.fsFreeBytes("/"), 21 * Samples.GB)
                        .with(Metric.fsTotalBytes("/"), DISK_237_GB)
                        .build())
                .check("disk:/")
                .orElseThrow();
        assertEquals(21 / 237.0 * 100, disk.facts().get("freePercent"), 1e-9);
        assertEquals(21 * Samples.GB, disk.facts().get("freeBytes"));
        assertEquals(DISK_237_GB, disk.facts().get("totalBytes"));
    }

    private Evaluation root(long minute, double freePercent) {
        return evaluator.evaluate(Samples.atMinute(minute)
                .with(Metric.fsFreePct("/"), freePercent)
                .with(Metric.fsTotalBytes("/"), DISK_237_GB)
                .build());
    }

    private static HealthSample withUsb(long minute, double usbFree) {
        return Samples.atMinute(minute)
                .with(Metric.fsFreePct("/"), 50)
                .with(Metric.fsTotalBytes("/"), DISK_237_GB)
                .with(Metric.fsFreePct("/media/usb"), usbFree)
                .with(Metric.fsTotalBytes("/media/usb"), 8 * Samples.GB)
                .build();
    }
}
