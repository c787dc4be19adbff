package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class CounterRatesTest {

    @Test
    void firstReadingHasNoRate() {
        assertTrue(new CounterRates().update("net-rx:eth0", 1_000, 10_000).isEmpty());
    }

    @Test
    void rateIsBytesPerSecondSinceThePreviousReading() {
        CounterRates rates = new CounterRates();
        rates.update("net-rx:eth0", 1_000, 10_000);
        assertEquals(OptionalDouble.of(150.0), rates.update("net-rx:eth0", 5_500, 40_000));
        assertEquals(OptionalDouble.of(0.0), rates.update("net-rx:eth0", 5_500, 50_000));
    }

    @Test
    void counterGoingBackwardsGivesNoRateButIsTheNewBaseline() {
        CounterRates rates = new CounterRates();
        rates.update("disk-read:sda", 9_000_000, 0);
        assertTrue(rates.update("disk-read:sda", 100, 30_000).isEmpty());
        assertEquals(OptionalDouble.of(10.0), rates.update("disk-read:sda", 400, 60_000));
    }

    @Test
    void noTimePassedGivesNoRate() {
        assertTrue(CounterRates.rate(0, 5_000, 100, 5_000).isEmpty());
        assertTrue(CounterRates.rate(0, 5_000, 100, 4_000).isEmpty());
    }

    @Test
    void forgottenCounterStartsOverWithoutRate() {
        CounterRates rates = new CounterRates();
        rates.update("net-rx:wlan0", 1_000, 0);
        rates.update("net-rx:eth0", 1_000, 0);
        rates.retainOnly(List.of("net-rx:eth0"));
        assertTrue(rates.update("net-rx:wlan0", 2_000, 1_000).isEmpty());
        assertEquals(OptionalDouble.of(1_000.0), rates.update("net-rx:eth0", 2_000, 1_000));
    }
}
