package bg.digiclub.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The samples of a Prometheus text (a scrape, a textfile) by series, for tests to assert on figures: the format
 * itself is {@link Promtool}'s to prove. One line is one sample, {@code series value}, the series being the name and
 * the labels as written; comments and blank lines are skipped. Values are Prometheus' floats, {@code +Inf},
 * {@code -Inf} and {@code NaN} included.
 */
public final class PrometheusSamples {
    private PrometheusSamples() {}

    /** Each sample line's series and value, in the text's order. */
    public static Map<String, Double> of(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), value(line.substring(space + 1)));
        }
        return samples;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
