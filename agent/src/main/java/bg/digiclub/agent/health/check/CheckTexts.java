package bg.digiclub.agent.health.check;

/**
 * Short English texts for each check, for people who are not technicians: what the check
 * watches, and what to do when it is not OK. The kiosk shows its own translations, looked up
 * by check name; these are the source texts and what goes into alert details.
 */
public final class CheckTexts {

    private CheckTexts() {}

    /**
     * What the check watches, e.g. "Free space on disk /".
     *
     * @throws IllegalArgumentException for a name that is not a check name
     */
    public static String description(String checkName) {
        if (checkName.startsWith(CheckNames.DISK_PREFIX)) {
            return "Free space on disk " + checkName.substring(CheckNames.DISK_PREFIX.length());
        }
        if (checkName.startsWith(CheckNames.SMART_PREFIX)) {
            return "Self-test (SMART) of disk " + checkName.substring(CheckNames.SMART_PREFIX.length());
        }
        if (checkName.startsWith(CheckNames.FAN_PREFIX)) {
            return "Cooling fan " + checkName.substring(CheckNames.FAN_PREFIX.length());
        }
        return switch (checkName) {
            case CheckNames.CPU_TEMPERATURE -> "Processor temperature";
            case CheckNames.MEMORY -> "Memory (RAM) in use";
            case CheckNames.SWAP -> "Swap space in use (memory moved out to the disk)";
            case CheckNames.BATTERY_CHARGE -> "Battery charge while running on battery";
            case CheckNames.BATTERY_HEALTH -> "Battery wear: the charge it still holds compared with a new one";
            case CheckNames.UPTIME -> "Time since the PC was last restarted";
            case CheckNames.OVERALL -> "The PC as a whole (its worst check)";
            default -> throw unknown(checkName);
        };
    }

    /**
     * What staff should do when the check is WARN or CRIT, e.g. "restart recommended".
     *
     * @throws IllegalArgumentException for a name that is not a check name
     */
    public static String advice(String checkName) {
        if (checkName.startsWith(CheckNames.DISK_PREFIX)) {
            return "delete or move files to free some space";
        }
        if (checkName.startsWith(CheckNames.SMART_PREFIX)) {
            return "the disk is failing: back up its data and replace it";
        }
        if (checkName.startsWith(CheckNames.FAN_PREFIX)) {
            return "fan stopped: check the fan, the PC may overheat";
        }
        return switch (checkName) {
            case CheckNames.CPU_TEMPERATURE -> "too hot: check that the fans turn and the air vents are free of dust";
            case CheckNames.MEMORY, CheckNames.SWAP -> "memory is short: close programs not in use or restart the PC";
            case CheckNames.BATTERY_CHARGE -> "battery low: plug in the charger";
            case CheckNames.BATTERY_HEALTH -> "the battery is worn: plan to replace it";
            case CheckNames.UPTIME -> "restart recommended";
            case CheckNames.OVERALL -> "see the checks that are not OK";
            default -> throw unknown(checkName);
        };
    }

    private static IllegalArgumentException unknown(String checkName) {
        return new IllegalArgumentException("not a health check name: '" + checkName + "'");
    }
}
