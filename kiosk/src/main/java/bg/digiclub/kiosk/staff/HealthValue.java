package bg.digiclub.kiosk.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.kiosk.i18n.Message;

/**
 * A check's measured value as a message in the visitor's language, built from the facts the agent
 * sends beside its English words (keys documented in {@link CheckReport}). Without facts — an agent
 * older than them, or a check this kiosk does not know — the agent's own words are shown as sent.
 */
final class HealthValue {
    /** 1024-based, as Windows labels sizes: staff see the figure of the PC's own file manager. */
    private static final String[] SIZE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private static final double MINUTE = 60;
    private static final double HOUR = 3600;
    private static final double DAY = 86_400;

    private HealthValue() {}

    static Message of(CheckReport check) {
        Map<String, Double> facts = check.facts();
        if (Double.valueOf(0).equals(facts.get("available"))) {
            return Message.of("staff.value.notAvailable");
        }
        String name = check.name();
        Message value;
        if (name.startsWith("disk:")) {
            value = disk(facts);
        } else if (name.startsWith("smart:")) {
            value = smart(facts);
        } else if (name.startsWith("fan:")) {
            value = fan(facts);
        } else {
            value = switch (name) {
                case "cpu-temperature" ->
                    facts.containsKey("celsius")
                            ? Message.of("staff.value.celsius", decimal(facts.get("celsius")))
                            : null;
                case "memory", "swap" -> used(facts);
                case "battery-health" ->
                    facts.containsKey("percent")
                            ? Message.of("staff.value.batteryHealth", decimal(facts.get("percent")))
                            : null;
                case "battery-charge" -> charge(facts);
                case "uptime" -> facts.containsKey("seconds") ? age(facts.get("seconds")) : null;
                // checks the agent raises itself carry an English detail and no facts: their
                // status says enough to put them in words
                case "database" -> raised(check, "staff.value.databaseReplaced");
                case "visitor-reset" -> raised(check, "staff.value.resetFailed");
                case "staff-pin" -> raised(check, "staff.value.staffPinLocked");
                default -> null;
            };
        }
        return value != null ? value : Message.of("staff.value.asSent", check.value());
    }

    private static Message raised(CheckReport check, String problemKey) {
        return check.status() == HealthStatus.OK ? Message.of("staff.value.noProblem") : Message.of(problemKey);
    }

    /** The uptime {@code elapsed} after {@code check} was read: the panel counts it on by itself. */
    static Message uptime(CheckReport check, Duration elapsed) {
        Double seconds = check.facts().get("seconds");
        return seconds == null ? of(check) : age(seconds + elapsed.toNanos() / 1e9);
    }

    private static Message disk(Map<String, Double> facts) {
        Double free = facts.get("freePercent");
        if (free == null) {
            return null;
        }
        Double total = facts.get("totalBytes");
        Double freeBytes = facts.get("freeBytes");
        if (total != null && freeBytes != null) {
            return Message.of(
                    "staff.value.diskFreeOfTotal",
                    decimal(free),
                    size(freeBytes),
                    unit(freeBytes),
                    size(total),
                    unit(total));
        }
        if (total != null) {
            return Message.of("staff.value.diskFreeOf", decimal(free), size(total), unit(total));
        }
        return Message.of("staff.value.diskFree", decimal(free));
    }

    private static Message used(Map<String, Double> facts) {
        Double percent = facts.get("percent");
        if (percent == null) {
            return null;
        }
        Double total = facts.get("totalBytes");
        return total != null
                ? Message.of("staff.value.usedOf", decimal(percent), size(total), unit(total))
                : Message.of("staff.value.used", decimal(percent));
    }

    private static Message charge(Map<String, Double> facts) {
        Double percent = facts.get("percent");
        if (percent == null) {
            return null;
        }
        Double onBattery = facts.get("onBattery");
        if (onBattery == null) {
            return Message.of("staff.value.charge", decimal(percent));
        }
        return onBattery >= 0.5
                ? Message.of("staff.value.chargeOnBattery", decimal(percent))
                : Message.of("staff.value.chargeOnMains", decimal(percent));
    }

    private static Message smart(Map<String, Double> facts) {
        Double ok = facts.get("smartOk");
        if (ok == null) {
            return null;
        }
        return ok >= 0.5 ? Message.of("staff.value.smartPassed") : Message.of("staff.value.smartFailed");
    }

    private static Message fan(Map<String, Double> facts) {
        Double rpm = facts.get("rpm");
        if (!facts.containsKey("stopped")) {
            return rpm == null ? null : Message.of("staff.value.rpm", Math.round(rpm));
        }
        if (rpm == null) {
            return Message.of("staff.value.fanStoppedNoReading");
        }
        return Double.valueOf(0).equals(facts.get("seenRunning"))
                ? Message.of("staff.value.fanNotSeenRunning", Math.round(rpm))
                : Message.of("staff.value.fanStopped", Math.round(rpm));
    }

    /** Whole minutes, hours or days, whichever reads naturally, like the agent's words. */
    private static Message age(double seconds) {
        if (seconds < HOUR) {
            return Message.of("staff.value.minutes", (long) (seconds / MINUTE));
        }
        if (seconds < 2 * DAY) {
            return Message.of("staff.value.hours", (long) (seconds / HOUR));
        }
        return Message.of("staff.value.days", (long) (seconds / DAY));
    }

    /** At most one decimal; the bundle's locale writes the decimal separator. */
    static BigDecimal decimal(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    /** The size in its unit: 21 for 21 GB; at most one decimal, none from 100 up. */
    private static BigDecimal size(double bytes) {
        double value = bytes / Math.pow(1024, unitIndex(bytes));
        return Math.abs(value) >= 100 ? BigDecimal.valueOf(Math.round(value)) : decimal(value);
    }

    private static String unit(double bytes) {
        return SIZE_UNITS[unitIndex(bytes)];
    }

    private static int unitIndex(double bytes) {
        int unit = 0;
        for (double value = bytes; Math.abs(value) >= 1024 && unit < SIZE_UNITS.length - 1; value /= 1024) {
            unit++;
        }
        return unit;
    }
}
