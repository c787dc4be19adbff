package bg.digiclub.collector.intake;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.DeviceIdentity;

/**
 * The device API's one check of {@code Authorization: Bearer <device token>}: the token's hash
 * names an enrolled, unrevoked device (remembered for a short time, {@link TokenCache}). Every
 * device endpoint (batches, card sync) answers a missing, unknown or revoked token alike.
 */
public final class DeviceTokens {
    private final ClubStore clubs;
    private final TokenCache tokens;

    /**
     * @param tokenTimeToLive how long a token's device is remembered (a revocation takes effect
     *                        within it); zero to look it up for every request
     */
    public DeviceTokens(ClubStore clubs, Clock clock, Duration tokenTimeToLive) {
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.tokens = new TokenCache(clock, tokenTimeToLive);
    }

    /** The device of an {@code Authorization} header's value (null when absent). */
    public DeviceIdentity authenticate(String authorization) throws ApiException, SQLException {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(401, "missing-token", "the Authorization: Bearer <token> header is required");
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new ApiException(401, "missing-token", "the Authorization header must be \"Bearer <token>\"");
        }
        String hash = Secrets.hashToken(parts[1]);
        Optional<DeviceIdentity> device = tokens.get(hash);
        if (device.isEmpty()) {
            device = clubs.deviceByToken(hash);
            device.ifPresent(d -> tokens.put(hash, d));
        }
        if (device.isEmpty()) {
            throw new ApiException(401, "invalid-token", "the token is unknown; enrol the device again");
        }
        if (device.get().revoked()) {
            throw new ApiException(401, "invalid-token", "the token was revoked; enrol the device again");
        }
        return device.get();
    }
}
