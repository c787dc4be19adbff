package bg.digiclub.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {
    @Test
    void eachSampleLineIsItsSeriesAndValueInfinitiesIncluded() {
        Map<String, Double> samples = PrometheusSamples.of("""
                # HELP x_seconds How long.
                # TYPE x_seconds histogram
                x_seconds_bucket{le="0.5"} 3
                x_seconds_bucket{le="+Inf"} 4

                x_low{where="a b"} -Inf
                x_age_seconds +Inf
                x_ratio NaN
                x_load 12.5
                """);

        assertEquals(
                List.of(
                        "x_seconds_bucket{le=\"0.5\"}",
                        "x_seconds_bucket{le=\"+Inf\"}",
                        "x_low{where=\"a b\"}",
                        "x_age_seconds",
                        "x_ratio",
                        "x_load"),
                List.copyOf(samples.keySet()));
        assertEquals(4.0, samples.get("x_seconds_bucket{le=\"+Inf\"}"));
        assertEquals(Double.NEGATIVE_INFINITY, samples.get("x_low{where=\"a b\"}"));
        assertEquals(Double.POSITIVE_INFINITY, samples.get("x_age_seconds"));
        assertTrue(samples.get("x_ratio").isNaN());
        assertEquals(12.5, samples.get("x_load"));
    }
}
