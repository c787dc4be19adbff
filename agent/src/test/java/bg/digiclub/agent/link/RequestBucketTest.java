package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.testsupport.TestClock;

class RequestBucketTest {
    final TestClock clock = TestClock.clubMorning();

    static int take(RequestBucket bucket, int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            if (bucket.tryTake()) {
                taken++;
            }
        }
        return taken;
    }

    @Test
    void aBurstThenThePaceOfTheRate() {
        RequestBucket bucket = new RequestBucket(RequestRate.perSecond(10), clock);
        assertTrue(bucket.isFull());
        assertEquals(40, take(bucket, 100));
        clock.advance(Duration.ofMillis(250));
        assertEquals(2, take(bucket, 100), "10 a second: 2.5 in 250 ms, whole ones only");
        clock.advance(Duration.ofMillis(50));
        assertEquals(1, take(bucket, 100), "the half left over counts");
    }

    @Test
    void aLongQuietSpellGivesNoMoreThanTheBurst() {
        RequestBucket bucket = new RequestBucket(new RequestRate(5, 3), clock);
        take(bucket, 3);
        assertFalse(bucket.isFull());
        clock.advance(Duration.ofHours(10));
        assertTrue(bucket.isFull());
        assertEquals(3, take(bucket, 100));
    }

    @Test
    void aClockSetBackGivesNothingAndTakesNothing() {
        TestClock c = new TestClock(Instant.parse("2026-11-25T07:00:00Z"), ZoneId.of("Europe/Sofia"));
        RequestBucket bucket = new RequestBucket(new RequestRate(1, 2), c);
        take(bucket, 2);
        c.advance(Duration.ofHours(-1));
        assertFalse(bucket.tryTake(), "nothing for going back");
        c.advance(Duration.ofSeconds(1));
        assertTrue(bucket.tryTake(), "time counts again from where it was set back to");
    }
}
