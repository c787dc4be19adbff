package bg.digiclub.collector.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import bg.digiclub.collector.store.DeviceIdentity;

/**
 * Remembers which device a token hash belongs to for a short time, so that a device uploading
 * a backlog costs one database look-up per {@code timeToLive}, not one per batch. The price: a
 * revocation (done by another process, the CLI) takes effect within {@code timeToLive}.
 */
final class TokenCache {
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    TokenCache(Clock clock, Duration timeToLive) {
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    Optional<DeviceIdentity> get(String tokenHash) {
        Entry entry = entries.get(tokenHash);
        if (entry == null || !clock.instant().isBefore(entry.expires)) {
            return Optional.empty();
        }
        return Optional.of(entry.device);
    }

    void put(String tokenHash, DeviceIdentity device) {
        if (timeToLive.isZero()) {
            return;
        }
        if (entries.size() > 100_000) {
            // bounded memory: a fleet is a few thousand PCs; forget everything rather than grow
            entries.clear();
        }
        entries.put(tokenHash, new Entry(device, clock.instant().plus(timeToLive)));
    }

    private record Entry(DeviceIdentity device, Instant expires) {
    }
}
