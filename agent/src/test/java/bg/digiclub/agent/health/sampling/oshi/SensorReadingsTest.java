package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class SensorReadingsTest {

    @Test
    void zeroNanAndNegativeReadingsAreNotAvailable() {
        assertTrue(SensorReadings.reading(0.0).isEmpty());
        assertTrue(SensorReadings.reading(Double.NaN).isEmpty());
        assertTrue(SensorReadings.reading(-1.0).isEmpty());
        assertTrue(SensorReadings.reading(Double.POSITIVE_INFINITY).isEmpty());
        assertEquals(OptionalDouble.of(1.1), SensorReadings.reading(1.1));
    }

    @Test
    void cpuTemperatureMustBePlausible() {
        assertEquals(OptionalDouble.of(64.5), SensorReadings.temperatureCelsius(64.5));
        assertTrue(SensorReadings.temperatureCelsius(0.0).isEmpty());
        assertTrue(SensorReadings.temperatureCelsius(255.0).isEmpty());
    }

    @Test
    void fansReadingZeroAreLeftOutAndTheOthersKeepTheirNumber() {
        assertEquals(Map.of(1, 1200.0, 3, 850.0), SensorReadings.fanSpeeds(new int[] {1200, 0, 850}));
        assertEquals(Map.of(), SensorReadings.fanSpeeds(new int[0]));
        assertEquals(Map.of(), SensorReadings.fanSpeeds(null));
    }
}
