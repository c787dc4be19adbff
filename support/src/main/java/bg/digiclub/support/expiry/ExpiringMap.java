package bg.digiclub.support.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded in-memory map whose entries expire: sign-ins, short-lived tickets, a cache of what a
 * token stands for. Nothing of it is persisted, so a restart forgets every entry — which is what
 * each user wants (a restarted agent ends staff logins; a restarted collector signs everyone out).
 *
 * <p>An entry lives {@code ttl} after it was put, or after it was last read if entries are
 * {@linkplain Renewal#ON_USE renewed on use}. At most {@code capacity} entries are kept: when full,
 * the expired ones go first, then the least recently used, so a flood of new entries costs the
 * oldest idle ones and never memory. All methods are thread-safe.
 */
public final class ExpiringMap<K, V> {
    /** Whether reading an entry extends its life. */
    public enum Renewal {
        /** Each read extends the entry's life by the map's {@code ttl} (an idle timeout). */
        ON_USE,
        /** The entry lives {@code ttl} from when it was put, however often it is read. */
        NEVER
    }

    private final Clock clock;
    private final Duration ttl;
    private final Renewal renewal;
    private final int capacity;
    /** In access order: the first entry is the least recently used. */
    private final Map<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    public ExpiringMap(Clock clock, Duration ttl, Renewal renewal, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.renewal = Objects.requireNonNull(renewal, "renewal");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("an entry's lifetime must be positive, got " + ttl);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Puts {@code value} under {@code key}, replacing what was there, with a fresh lifetime. */
    public synchronized void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Instant now = clock.instant();
        if (!entries.containsKey(key) && entries.size() >= capacity) {
            entries.values().removeIf(e -> e.isExpiredAt(now));
            Iterator<K> leastRecentlyUsed = entries.keySet().iterator();
            while (entries.size() >= capacity) {
                leastRecentlyUsed.next();
                leastRecentlyUsed.remove();
            }
        }
        entries.put(key, new Entry<>(value, now.plus(ttl)));
    }

    /** The live value under {@code key}; empty if there is none or it expired. */
    public synchronized Optional<V> get(K key) {
        if (key == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.isExpiredAt(now)) {
            entries.remove(key);
            return Optional.empty();
        }
        if (renewal == Renewal.ON_USE) {
            entries.put(key, new Entry<>(entry.value(), now.plus(ttl)));
        }
        return Optional.of(entry.value());
    }

    /** The live value under {@code key}, removed: a second call finds nothing. */
    public synchronized Optional<V> take(K key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<V> entry = entries.remove(key);
        return entry == null || entry.isExpiredAt(clock.instant()) ? Optional.empty() : Optional.of(entry.value());
    }

    /** Removes {@code key} now; nothing happens if it is unknown or expired. */
    public synchronized void remove(K key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    /** How many entries are held, expired ones not yet dropped included. */
    public synchronized int size() {
        return entries.size();
    }

    private record Entry<V>(V value, Instant expiresAt) {
        boolean isExpiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }
}
