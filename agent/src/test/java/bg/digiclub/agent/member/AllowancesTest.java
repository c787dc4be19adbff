package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AllowancesTest {
    private final Allowances allowances = new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(90));

    @Test
    void freshDayGrantsAWholeSession() {
        assertEquals(Duration.ofMinutes(60), allowances.allowedNow(Duration.ZERO));
    }

    @Test
    void restOfTheDayCapsTheSession() {
        assertEquals(Duration.ofMinutes(40), allowances.allowedNow(Duration.ofMinutes(50)));
    }

    @Test
    void lessThanAMinuteLeftIsNothing() {
        assertEquals(Duration.ZERO, allowances.allowedNow(Duration.ofMinutes(89).plusSeconds(30)));
        assertEquals(Duration.ZERO, allowances.allowedNow(Duration.ofMinutes(200)));
    }

    @Test
    void allowancesBelowAMinuteAreAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Allowances(Duration.ZERO, Duration.ofMinutes(90)));
        assertThrows(
                IllegalArgumentException.class, () -> new Allowances(Duration.ofMinutes(60), Duration.ofSeconds(10)));
    }
}
