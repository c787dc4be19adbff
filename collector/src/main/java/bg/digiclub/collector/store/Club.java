package bg.digiclub.collector.store;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A digital club.
 *
 * @param id       stable id chosen by the municipality ({@code sz-rodina-1860})
 * @param name     the club's name as people know it
 * @param place    town or village
 * @param timeZone the zone its local days are cut in
 */
public record Club(String id, String name, String place, ZoneId timeZone) {
    public Club {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
