package bg.digiclub.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CountdownTest {
    @Test
    void formatsMinutesAndSecondsRoundingUp() {
        assertEquals("60:00", Countdown.format(Duration.ofMinutes(60)));
        assertEquals("59:59", Countdown.format(Duration.ofMinutes(60).minusMillis(1000)));
        assertEquals("0:01", Countdown.format(Duration.ofMillis(10)));
        assertEquals("0:00", Countdown.format(Duration.ZERO));
        assertEquals("1:30:00", Countdown.format(Duration.ofMinutes(90)));
    }

    @Test
    void saysWhenTheShownSecondChangesNext() {
        // 59:59.3 shows "60:00" until 59:59.0, which shows "59:59"
        assertEquals(
                Duration.ofMillis(300),
                Countdown.untilChange(Duration.ofMinutes(60).minusMillis(700)));
        assertEquals(
                Duration.ofSeconds(1),
                Countdown.untilChange(Duration.ofMinutes(60)),
                "a whole second shows a whole second");
        assertEquals(
                Duration.ofNanos(1), Countdown.untilChange(Duration.ofSeconds(5).plusNanos(1)));
        assertEquals(Duration.ZERO, Countdown.untilChange(Duration.ZERO), "nothing left: at once");
        assertEquals(Duration.ZERO, Countdown.untilChange(Duration.ofSeconds(-3)));
        Duration left = Duration.ofMinutes(12).plusMillis(450);
        assertEquals(
                Countdown.format(left),
                Countdown.format(left.minus(Countdown.untilChange(left)).plusNanos(1)),
                "the same text until then");
        assertEquals("12:00", Countdown.format(left.minus(Countdown.untilChange(left))), "another at that moment");
    }
}
