package bg.digiclub.support.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import bg.digiclub.support.expiry.ExpiringMap.Renewal;
import bg.digiclub.testsupport.TestClock;

class ExpiringMapTest {
    private final TestClock clock = TestClock.clubMorning();

    @Test
    void anEntryLivesItsTimeFromWhenItWasPutUnlessRenewedOnUse() {
        ExpiringMap<String, String> fixed = new ExpiringMap<>(clock, Duration.ofMinutes(10), Renewal.NEVER, 8);
        ExpiringMap<String, String> sliding = new ExpiringMap<>(clock, Duration.ofMinutes(10), Renewal.ON_USE, 8);
        fixed.put("k", "v");
        sliding.put("k", "v");
        clock.advance(Duration.ofMinutes(9));
        assertEquals(Optional.of("v"), fixed.get("k"));
        assertEquals(Optional.of("v"), sliding.get("k"));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(Optional.empty(), fixed.get("k"), "18 minutes after it was put");
        assertEquals(Optional.of("v"), sliding.get("k"), "9 minutes after it was last used");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), sliding.get("k"), "exactly its idle time after the last use");
    }

    @Test
    void takeUsesAnEntryUpAndRemoveEndsItNow() {
        ExpiringMap<String, String> map = new ExpiringMap<>(clock, Duration.ofMinutes(10), Renewal.NEVER, 8);
        map.put("ticket", "member");
        assertEquals(Optional.of("member"), map.take("ticket"));
        assertEquals(Optional.empty(), map.take("ticket"));
        map.put("login", "staff");
        map.remove("login");
        assertEquals(Optional.empty(), map.get("login"));
        assertEquals(Optional.empty(), map.get(null));
        map.remove(null);
    }

    @Test
    void whenFullTheExpiredGoFirstThenTheLeastRecentlyUsed() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(clock, Duration.ofMinutes(10), Renewal.NEVER, 3);
        map.put("old", 1);
        clock.advance(Duration.ofMinutes(6));
        map.put("a", 2);
        map.put("b", 3);
        clock.advance(Duration.ofMinutes(5));
        map.put("c", 4);
        assertEquals(Optional.of(2), map.get("a"), "the expired entry made room, not a live one");
        assertEquals(3, map.size());
        map.get("b");
        map.get("c");
        map.put("d", 5);
        assertEquals(Optional.empty(), map.get("a"), "'a' was used least recently");
        assertEquals(Optional.of(3), map.get("b"));
        assertEquals(Optional.of(4), map.get("c"));
        assertEquals(Optional.of(5), map.get("d"));
        assertEquals(3, map.size());
    }

    @Test
    void aFloodOfEntriesNeverGrowsPastTheCapacity() {
        ExpiringMap<Integer, Integer> map = new ExpiringMap<>(clock, Duration.ofHours(8), Renewal.ON_USE, 100);
        for (int i = 0; i < 10_000; i++) {
            map.put(i, i);
        }
        assertEquals(100, map.size());
        assertEquals(Optional.of(9_999), map.get(9_999));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExpiringMap<>(clock, Duration.ZERO, Renewal.NEVER, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ExpiringMap<>(clock, Duration.ofMinutes(-1), Renewal.NEVER, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ExpiringMap<>(clock, Duration.ofMinutes(1), Renewal.NEVER, 0));
    }
}
