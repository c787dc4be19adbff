package bg.digiclub.collector.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.store.DeviceIdentity;
import bg.digiclub.support.expiry.ExpiringMap;
import bg.digiclub.support.expiry.ExpiringMap.Renewal;

/**
 * Remembers which device a token hash belongs to for a short time, so that a device uploading
 * a backlog costs one database look-up per {@code timeToLive}, not one per batch. The price: a
 * revocation (done by another process, the CLI) takes effect within {@code timeToLive}. A time
 * to live of zero turns the cache off. Bounded: a fleet is a few thousand PCs, and past
 * {@value #CAPACITY} the least recently seen devices are forgotten first.
 */
final class TokenCache {
    static final int CAPACITY = 100_000;

    /** Empty when caching is off. */
    private final Optional<ExpiringMap<String, DeviceIdentity>> devices;

    TokenCache(Clock clock, Duration timeToLive) {
        Objects.requireNonNull(clock, "clock");
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("token cache time to live must not be negative, got " + timeToLive);
        }
        this.devices = timeToLive.isZero()
                ? Optional.empty()
                : Optional.of(new ExpiringMap<>(clock, timeToLive, Renewal.NEVER, CAPACITY));
    }

    Optional<DeviceIdentity> get(String tokenHash) {
        return devices.flatMap(d -> d.get(tokenHash));
    }

    void put(String tokenHash, DeviceIdentity device) {
        devices.ifPresent(d -> d.put(tokenHash, device));
    }
}
