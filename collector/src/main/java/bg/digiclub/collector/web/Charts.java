package bg.digiclub.collector.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import bg.digiclub.collector.report.HealthPoint;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.health.HealthStatus;

/**
 * The arithmetic of the SVG charts that the templates under {@code chart/} draw on the server: no
 * script and nothing fetched, so they work offline and print well.
 */
public final class Charts {
    private Charts() {}

    /** 1, 2 or 5 times a power of ten, at least {@code value}: the top of a bar chart's axis. */
    public static long niceCeiling(long value) {
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** A coordinate or measurement with one decimal and a point, whatever the page's language. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** As {@link #decimal(double)}, "—" for a value that was not measured. */
    public static String decimalOrDash(Double value) {
        return value == null ? "—" : decimal(value);
    }

    /** An hour of the day as two digits. */
    public static String twoDigits(int hour) {
        return String.format(Locale.ROOT, "%02d", hour);
    }

    /** The largest number of a heat map, at least 1. */
    public static long max(long[][] table) {
        long max = 1;
        for (long[] row : table) {
            for (long value : row) {
                max = Math.max(max, value);
            }
        }
        return max;
    }

    /** 0 for none, else 1 to 5 by the share of the busiest hour: darker is busier. */
    public static int heatLevel(long value, long max) {
        if (max < 1) {
            throw new IllegalArgumentException("the heat map's maximum is at least 1, was " + max);
        }
        return value == 0 ? 0 : 1 + (int) Math.min(4, (value * 5 - 1) / max);
    }

    /** The health chart's rows: the overall status first, then each check in the order first seen. */
    public static List<String> checkNames(List<HealthPoint> points, String overall) {
        Set<String> names = new LinkedHashSet<>();
        names.add(Objects.requireNonNull(overall, "overall"));
        for (HealthPoint point : points) {
            for (CheckStatus check : point.checks()) {
                names.add(check.name());
            }
        }
        return new ArrayList<>(names);
    }

    /** The status of one check in a snapshot, null if the snapshot does not have it. */
    public static HealthStatus statusOf(HealthPoint point, String check) {
        for (CheckStatus c : point.checks()) {
            if (c.name().equals(check)) {
                return c.status();
            }
        }
        return null;
    }
}
