package bg.digiclub.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A UTF-8 {@code .properties} configuration file read once at start-up, with typed getters
 * whose errors name the file, the key and what is wrong. Keys that no getter asked for are
 * reported by {@link #rejectUnknownKeys()}: a misspelt key must not be silently ignored.
 *
 * <p>Not thread-safe; meant to be read on the start-up thread and then thrown away.
 */
public final class ConfigProperties {
    private final String source;
    private final Properties values;
    private final Set<String> asked = new HashSet<>();
    private final List<String> knownPrefixes = new ArrayList<>();

    private ConfigProperties(String source, Properties values) {
        this.source = source;
        this.values = values;
    }

    /** Reads {@code file}; a missing or unreadable file is a {@link ConfigException}. */
    public static ConfigProperties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read configuration: " + e.getMessage(), e);
        }
        return new ConfigProperties(file.toString(), p);
    }

    /** An empty configuration: every getter returns its default. */
    public static ConfigProperties empty(String source) {
        return new ConfigProperties(source, new Properties());
    }

    /** Configuration from values in memory (tests, embedded defaults). */
    public static ConfigProperties of(String source, Properties values) {
        Properties copy = new Properties();
        copy.putAll(values);
        return new ConfigProperties(source, copy);
    }

    /** Where the values came from, as named in error messages. */
    public String source() {
        return source;
    }

    public Optional<String> string(String key) {
        asked.add(key);
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.strip());
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw bad(key, v.get(), "must be a whole number");
        }
        if (n < min || n > max) {
            throw bad(key, v.get(), "must be between " + min + " and " + max);
        }
        return n;
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        double d;
        try {
            d = Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw bad(key, v.get(), "must be a number");
        }
        if (!(d >= min && d <= max)) {
            throw bad(key, v.get(), "must be between " + min + " and " + max);
        }
        return d;
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, v.get(), "must be true or false");
        };
    }

    /** A duration in whole seconds, for keys named {@code ...-seconds}. */
    public Duration seconds(String key, Duration defaultValue, Duration min, Duration max) {
        int s = integer(key, (int) defaultValue.toSeconds(), (int) min.toSeconds(), (int) max.toSeconds());
        return Duration.ofSeconds(s);
    }

    /** A duration in whole minutes, for keys named {@code ...-minutes}. */
    public Duration minutes(String key, Duration defaultValue, Duration min, Duration max) {
        int m = integer(key, (int) defaultValue.toMinutes(), (int) min.toMinutes(), (int) max.toMinutes());
        return Duration.ofMinutes(m);
    }

    /** A path; {@code ~} at the start means the user's home directory. */
    public Optional<Path> path(String key) {
        return string(key).map(v -> {
            String expanded = v.startsWith("~") ? System.getProperty("user.home") + v.substring(1) : v;
            try {
                return Path.of(expanded);
            } catch (java.nio.file.InvalidPathException e) {
                throw bad(key, v, "is not a valid path");
            }
        });
    }

    /** A comma-separated list; empty when the key is absent. */
    public List<String> list(String key) {
        return string(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Every key starting with {@code prefix}; marks the prefix as known to {@link #rejectUnknownKeys()}. */
    public Set<String> keysStartingWith(String prefix) {
        knownPrefixes.add(prefix);
        Set<String> keys = new TreeSet<>();
        for (String k : values.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** An error about {@code key}'s value, naming the file and the key. */
    public ConfigException bad(String key, String value, String what) {
        return new ConfigException(source + ": key '" + key + "' " + what + " (was '" + value + "')");
    }

    /** Fails on the first key that no getter asked for, most likely a misspelling. */
    public void rejectUnknownKeys() {
        for (String k : new TreeSet<>(values.stringPropertyNames())) {
            if (!asked.contains(k) && knownPrefixes.stream().noneMatch(k::startsWith)) {
                throw new ConfigException(source + ": unknown key '" + k + "' (misspelt? see the example configuration)");
            }
        }
    }
}
