package bg.digiclub.collector.store;

import java.util.UUID;

/**
 * A device enrolled (or re-enrolled) to a club.
 *
 * @param repeatedSealedToken when the request repeats one answered before (same request key), the
 *                            token as sealed then ({@code TokenSeal}); null for a new enrolment
 */
public record Enrolled(UUID deviceId, Club club, int deviceNumber, String repeatedSealedToken) {
    public Enrolled(UUID deviceId, Club club, int deviceNumber) {
        this(deviceId, club, deviceNumber, null);
    }

    /** True if this answers a repeated request with the device enrolled then. */
    public boolean repeated() {
        return repeatedSealedToken != null;
    }
}
