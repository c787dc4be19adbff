package bg.digiclub.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A UTF-8 {@code .properties} configuration file read once at start-up, with typed getters
 * whose errors name the file, the key and what is wrong: the one configuration reader of
 * every DigiClub program (agent, kiosk, collector). Keys that no getter asked for are reported
 * by {@link #rejectUnknownKeys()}: a misspelt key must not be silently ignored.
 *
 * <p><b>Blank values.</b> A key written with nothing after {@code =} is a mistake for a single
 * value (a number, a flag, a name, a path): it is an error that says to remove the line to use
 * the default, because a blank that silently meant "default" hid typos such as a value on the
 * next line. For a list ({@link #list}, {@link #optionalList}) a blank value means the default, as
 * if the line were not there (example files list such keys blank, e.g. {@code link.allowed-groups =});
 * where a list may be empty on purpose, its key takes a word for that (e.g. {@code none}).
 *
 * <p><b>Renamed keys.</b> Read with a table of {@link RenamedKeys}, a file written for an
 * older version keeps working: each old key is read as its new name and adds one
 * {@link #warnings() warning} naming the file, the old key and the new key. Setting both names
 * is an error.
 *
 * <p><b>Environment.</b> {@link #withEnvironment} lets variables override the file: key
 * {@code db.password-file} is {@code DIGICLUB_DB_PASSWORD_FILE} (see {@link #environmentName}).
 * An error about such a value names the variable.
 *
 * <p>Not thread-safe; meant to be read on the start-up thread and then thrown away.
 */
public final class ConfigProperties {
    /** Prefix of the environment variables that stand for keys. */
    public static final String ENVIRONMENT_PREFIX = "DIGICLUB_";

    private final String source;
    private final Properties values;
    private final Map<String, String> environment;
    private final Map<String, String> writtenAs;
    private final List<String> warnings;
    private final Set<String> asked = new HashSet<>();
    private final List<String> knownPrefixes = new ArrayList<>();

    private ConfigProperties(
            String source,
            Properties values,
            Map<String, String> environment,
            Map<String, String> writtenAs,
            List<String> warnings) {
        this.source = source;
        this.values = values;
        this.environment = environment;
        this.writtenAs = writtenAs;
        this.warnings = warnings;
    }

    private static ConfigProperties renamed(String source, Properties values, List<RenamedKey> renames) {
        Map<String, String> writtenAs = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (RenamedKey r : renames) {
            String old = values.getProperty(r.oldKey());
            if (old == null) {
                continue;
            }
            if (values.getProperty(r.newKey()) != null) {
                throw ConfigException.atKey(
                        source,
                        r.oldKey(),
                        "is the old name of '" + r.newKey() + "', which is set too; keep only " + r.newKey());
            }
            values.remove(r.oldKey());
            values.setProperty(r.newKey(), old);
            writtenAs.put(r.newKey(), r.oldKey());
            warnings.add(source + ": key '" + r.oldKey() + "' is now called '" + r.newKey()
                    + "'; it is read as before, rename it in the file");
        }
        return new ConfigProperties(source, values, Map.of(), writtenAs, List.copyOf(warnings));
    }

    /** Reads {@code file}; a missing or unreadable file is a {@link ConfigException}. */
    public static ConfigProperties load(Path file) {
        return load(file, List.of());
    }

    /**
     * Reads {@code file}, accepting the old names in {@code renames} (one of the tables of
     * {@link RenamedKeys}) with a warning each.
     */
    public static ConfigProperties load(Path file, List<RenamedKey> renames) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(renames, "renames");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read configuration: " + e.getMessage(), e);
        }
        return renamed(file.toString(), p, renames);
    }

    /** An empty configuration: every getter returns its default. */
    public static ConfigProperties empty(String source) {
        return of(source, new Properties());
    }

    /** Configuration from values in memory (tests, embedded defaults). */
    public static ConfigProperties of(String source, Properties values) {
        return of(source, values, List.of());
    }

    /** Configuration from values in memory, accepting the old names in {@code renames}. */
    public static ConfigProperties of(String source, Properties values, List<RenamedKey> renames) {
        Objects.requireNonNull(source, "source");
        Properties copy = new Properties();
        copy.putAll(values);
        return renamed(source, copy, renames);
    }

    /**
     * The same values, each overridden by its environment variable where {@code environment}
     * has one ({@link #environmentName}). Variables that stand for no key are ignored: other
     * programs may share the prefix.
     */
    public ConfigProperties withEnvironment(Map<String, String> environment) {
        Map<String, String> mine = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                mine.put(name, value);
            }
        });
        return new ConfigProperties(source, values, Map.copyOf(mine), writtenAs, warnings);
    }

    /** The environment variable that stands for {@code key}: {@code db.password-file} is {@code DIGICLUB_DB_PASSWORD_FILE}. */
    public static String environmentName(String key) {
        return ENVIRONMENT_PREFIX
                + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Where the values came from, as named in error messages. */
    public String source() {
        return source;
    }

    /** One line per old key name found, naming the file, the old key and the new key; for the log. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether the key is written at all (even blank), in the file or the environment. */
    public boolean isSet(String key) {
        asked.add(key);
        return raw(key) != null;
    }

    /** The value, stripped; empty when the key is absent. A blank value is an error (see the class comment). */
    public Optional<String> string(String key) {
        asked.add(key);
        String v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isBlank()) {
            throw problem(key, "is empty; remove the line to use the default, or give a value");
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
            throw bad(key, v.get(), "must be a whole number from " + min + " to " + max);
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

    /** {@code true}/{@code yes}/{@code on} or {@code false}/{@code no}/{@code off}, in any case. */
    public boolean bool(String key, boolean defaultValue) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
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
            } catch (InvalidPathException e) {
                throw bad(key, v, "is not a valid path");
            }
        });
    }

    /** A comma-separated list; empty when the key is absent or blank (see the class comment). */
    public List<String> list(String key) {
        return optionalList(key).orElse(List.of());
    }

    /** A comma-separated list; empty when the key is absent or blank, so that the caller's default applies. */
    public Optional<List<String>> optionalList(String key) {
        asked.add(key);
        String v = raw(key);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(v.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
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

    /**
     * The keys starting with {@code prefix} with their values as written (blank ones too), for a
     * part that validates its own section (the kiosk's launcher tiles); marks the prefix as known
     * to {@link #rejectUnknownKeys()}.
     */
    public Map<String, String> section(String prefix) {
        Map<String, String> section = new TreeMap<>();
        for (String k : keysStartingWith(prefix)) {
            section.put(k, values.getProperty(k));
        }
        return section;
    }

    /** An error about {@code key}'s value, naming the file (or variable), the key and the value. */
    public ConfigException bad(String key, String value, String what) {
        return problem(key, what + " (was '" + value + "')");
    }

    /** An error about {@code key}, naming the file (or variable) and the key as it is written there. */
    public ConfigException problem(String key, String what) {
        String variable = environmentName(key);
        if (environment.containsKey(variable)) {
            return ConfigException.atKey("environment variable " + variable, key, what);
        }
        return ConfigException.atKey(source, writtenAs.getOrDefault(key, key), what);
    }

    /** Fails on the first key that no getter asked for, most likely a misspelling. */
    public void rejectUnknownKeys() {
        for (String k : new TreeSet<>(values.stringPropertyNames())) {
            if (!asked.contains(k) && knownPrefixes.stream().noneMatch(k::startsWith)) {
                throw ConfigException.atKey(source, k, "unknown key (misspelt? see the example configuration)");
            }
        }
    }

    private String raw(String key) {
        String fromEnvironment = environment.get(environmentName(key));
        return fromEnvironment != null ? fromEnvironment : values.getProperty(key);
    }
}
