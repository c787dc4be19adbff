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
 * The one check of a device's {@code Authorization: Bearer <token>} header, for the batch upload
 * and the live channel alike: the token's hash names an enrolled device that is not revoked. Look-ups
 * are cached ({@link TokenCache}), so a revocation takes effect within the cache's time to live.
 */
public final class DeviceTokens {
    private final ClubStore clubs;
    private final TokenCache tokens;

    /** @param timeToLive how long a token's device is remembered; zero to look it up every time */
    public DeviceTokens(ClubStore clubs, Clock clock, Duration timeToLive) {
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.tokens = new TokenCache(clock, timeToLive);
    }

    /** The device the header's token belongs to; a 401 {@link ApiException} for a missing, unknown or revoked one. */
    public DeviceIdentity authenticate(String authorization) throws ApiException, SQLException {
        String token;
        try {
            token = BearerToken.of(authorization);
        } catch (BearerToken.Missing e) {
            throw new ApiException(401, "missing-token", e.getMessage());
        }
        String hash = Secrets.hashToken(token);
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
