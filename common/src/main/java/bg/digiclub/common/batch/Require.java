package bg.digiclub.common.batch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Validation used by the contracts' compact constructors (batch, live, cards); every message names the field. */
public final class Require {
    private Require() {}

    public static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    public static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static long range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static Double optionalRange(Double value, double min, double max, String field) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static String matches(String value, java.util.regex.Pattern pattern, String field) {
        present(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must match " + pattern.pattern());
        }
        return value;
    }

    public static <T> List<T> list(List<T> values, int max, String field) {
        present(values, field);
        if (values.size() > max) {
            throw new IllegalArgumentException(
                    field + " has " + values.size() + " entries, at most " + max + " allowed");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is null");
            }
        }
        return List.copyOf(values);
    }

    public static <T, K> void unique(Collection<T> values, Function<T, K> key, String field) {
        Set<K> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(key.apply(value))) {
                throw new IllegalArgumentException(field + " has the key " + key.apply(value) + " twice");
            }
        }
    }

    public static Instant wholeMinute(Instant value, String field) {
        present(value, field);
        if (!value.truncatedTo(ChronoUnit.MINUTES).equals(value)) {
            throw new IllegalArgumentException(field + " must be a whole minute, was " + value);
        }
        return value;
    }

    public static Instant wholeHour(Instant value, String field) {
        present(value, field);
        if (!value.truncatedTo(ChronoUnit.HOURS).equals(value)) {
            throw new IllegalArgumentException(field + " must be a whole hour (UTC), was " + value);
        }
        return value;
    }
}
