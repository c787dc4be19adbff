package bg.digiclub.agent.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * {@code time.zone}: the zone the club lives in. Club days, a member's daily allowance and the
 * upload window are local days and hours in it, and the batches name it (the collector cuts
 * the club's days the same way). Default: the PC's own zone.
 */
final class TimeZoneSetting {
    static final String KEY = "time.zone";

    private TimeZoneSetting() {}

    /**
     * The configured zone, or {@code systemZone} when none is set. A fixed offset is refused:
     * summer time would then be an hour off for half the year.
     */
    static ZoneId read(ConfigProperties c, ZoneId systemZone) {
        String text = c.string(KEY).orElse(null);
        if (text == null) {
            if (!acceptable(systemZone)) {
                throw new ConfigException(c.source() + ": key '" + KEY + "' is not set and the PC's own time zone ("
                        + systemZone.getId() + ") is not a named region; set it, e.g. time.zone = Europe/Sofia");
            }
            return systemZone;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text);
        } catch (DateTimeException e) {
            throw c.bad(KEY, text, "is not a known time zone: use a region name such as Europe/Sofia");
        }
        if (!acceptable(zone)) {
            throw c.bad(
                    KEY,
                    text,
                    "must be a region such as Europe/Sofia, not a fixed offset"
                            + " (summer time would be an hour off)");
        }
        return zone;
    }

    /** A named region (or UTC) that the batch schema accepts. */
    private static boolean acceptable(ZoneId zone) {
        return (!(zone instanceof ZoneOffset) || zone.equals(ZoneOffset.UTC))
                && BatchLimits.TIME_ZONE.matcher(zone.getId()).matches();
    }
}
