package bg.digiclub.kiosk.staff;

import java.util.Objects;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.kiosk.i18n.Message;

/**
 * One health check in plain words: what is checked, how it is, and the measured value.
 *
 * @param what   the check's name translated, e.g. "Disk /" for {@code disk:/}; an unknown name raw
 * @param status the check's status
 * @param value  the measured value in the visitor's language (see {@link HealthValue}); the agent's own
 *               English words when it sent no facts
 */
public record HealthLine(Message what, HealthStatus status, Message value) {
    public HealthLine {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Translates the agent's stable check names (the agent's {@code CheckNames}, and the checks it
     * raises itself: {@code staff-pin}, {@code database}, {@code visitor-reset}); names this kiosk
     * does not know are shown as they are.
     */
    public static HealthLine of(CheckReport check) {
        return new HealthLine(name(check.name()), check.status(), HealthValue.of(check));
    }

    static Message name(String check) {
        if (check.startsWith("disk:")) {
            return Message.of("staff.check.disk", check.substring("disk:".length()));
        }
        if (check.startsWith("smart:")) {
            return Message.of("staff.check.smart", check.substring("smart:".length()));
        }
        if (check.startsWith("fan:")) {
            return Message.of("staff.check.fan", check.substring("fan:".length()));
        }
        return switch (check) {
            case "cpu-temperature" -> Message.of("staff.check.cpuTemperature");
            case "memory" -> Message.of("staff.check.memory");
            case "swap" -> Message.of("staff.check.swap");
            case "uptime" -> Message.of("staff.check.uptime");
            case "battery-charge" -> Message.of("staff.check.batteryCharge");
            case "battery-health" -> Message.of("staff.check.batteryHealth");
            case "staff-pin" -> Message.of("staff.check.staffPin");
            case "database" -> Message.of("staff.check.database");
            case "visitor-reset" -> Message.of("staff.check.visitorReset");
            default -> Message.of("staff.check.raw", check);
        };
    }
}
