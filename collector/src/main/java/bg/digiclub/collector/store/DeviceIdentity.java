package bg.digiclub.collector.store;

import java.time.ZoneId;
import java.util.UUID;

/** The device a bearer token belongs to, with what intake needs to know about its club. */
public record DeviceIdentity(UUID deviceId, String clubId, ZoneId clubTimeZone, boolean revoked) {
}
