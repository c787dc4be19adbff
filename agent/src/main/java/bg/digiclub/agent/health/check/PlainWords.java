package bg.digiclub.agent.health.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Numbers in the plain words the staff panel shows: "7 %", "82 °C", "237 GB", "16 days".
 * English, with a decimal point, for the CLI, logs and JSON; the kiosk words the same figures in its
 * own languages from the facts each check sends beside these words.
 */
final class PlainWords {
    private static final String[] BYTE_UNITS = {"bytes", "KB", "MB", "GB", "TB", "PB"};

    private PlainWords() {}

    /** At most one decimal, none when it is zero: 7 -> "7", 9.64 -> "9.6". */
    static String number(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0"; // avoids "-0" and "0.0"
        }
        return rounded.toPlainString();
    }

    static String percent(double value) {
        return number(value) + " %";
    }

    static String celsius(double value) {
        return number(value) + " °C";
    }

    /**
     * A size in 1024-based units labelled as Windows labels them (a "256 GB" disk shows as
     * "238 GB"), so staff see the same figure as in the PC's own file manager.
     */
    static String bytes(double bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String amount = Math.abs(value) >= 100 ? number(Math.round(value)) : number(value);
        return amount + " " + BYTE_UNITS[unit];
    }

    /** A whole number of days, hours or minutes, whichever reads naturally: "16 days", "5 hours". */
    static String age(Duration duration) {
        if (duration.compareTo(Duration.ofHours(1)) < 0) {
            return count(duration.toMinutes(), "minute");
        }
        if (duration.compareTo(Duration.ofDays(2)) < 0) {
            return count(duration.toHours(), "hour");
        }
        return count(duration.toDays(), "day");
    }

    /** A threshold in days: "14 days", "1 day", "0.5 days". */
    static String days(double days) {
        return number(days) + (days == 1 ? " day" : " days");
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
