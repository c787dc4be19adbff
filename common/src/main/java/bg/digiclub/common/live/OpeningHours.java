package bg.digiclub.common.live;

import java.time.DayOfWeek;
import java.time.LocalTime;

import bg.digiclub.common.batch.Require;

/** One opening of the club on a day of the week, in the club's local time (Europe/Sofia). */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    public OpeningHours {
        Require.present(day, "day");
        Require.present(opens, "opens");
        Require.present(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("closes must be after opens on " + day);
        }
    }
}
