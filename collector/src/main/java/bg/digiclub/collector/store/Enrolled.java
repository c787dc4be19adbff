package bg.digiclub.collector.store;

import java.util.UUID;

/** A device enrolled (or re-enrolled) to a club. */
public record Enrolled(UUID deviceId, Club club, int deviceNumber) {
}
