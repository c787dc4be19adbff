package bg.digiclub.kiosk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import bg.digiclub.kiosk.i18n.Language;

/**
 * The kiosk's settings, validated once at start-up. See {@code kiosk/config/kiosk.example.properties}
 * for every key with its meaning and default.
 *
 * @param clubName        shown large on the lock screen
 * @param rulesBg         the club's rules a guest accepts, in Bulgarian; null for the built-in text
 * @param rulesEn         the same in English; null for the built-in text
 * @param sessionLength   how long a guest session lasts
 * @param idleTimeout     no input for this long shows the "I'm still here" warning
 * @param idleGrace       how long that warning waits before the session ends as IDLE
 * @param warnings        remaining times at which a warning is drawn over everything, longest first
 * @param agentSocket     the agent's Unix-domain socket
 * @param staffExtendStep the step of the staff panel's "extend" control
 * @param maintenanceLength the default length of a maintenance unlock
 * @param defaultLanguage the language the lock screen returns to after every session
 * @param largeTextDefault    large text on for every new visitor (a club of mostly older visitors)
 * @param highContrastDefault high contrast on for every new visitor
 * @param launcherSection the {@code app.*} and {@code launcher.*} keys, for the launcher
 */
public record KioskConfig(String clubName, String rulesBg, String rulesEn, Duration sessionLength,
                          Duration idleTimeout, Duration idleGrace, List<Duration> warnings, Path agentSocket,
                          Duration staffExtendStep, Duration maintenanceLength, Language defaultLanguage,
                          boolean largeTextDefault, boolean highContrastDefault, Properties launcherSection) {

    /** Keys handed on to the launcher: its tiles ({@code app.<id>.*}) and its own settings (the club's browser). */
    public static final List<String> LAUNCHER_PREFIXES = List.of("app.", "launcher.");
    /** The kiosk's privacy wipe keys of old; the agent resets the visitor's home now. */
    private static final String RETIRED_WIPE_PREFIX = "wipe.";

    static final String CLUB_NAME = "club.name";
    static final String RULES_BG = "rules.bg";
    static final String RULES_EN = "rules.en";
    static final String SESSION_MINUTES = "session.minutes";
    static final String IDLE_TIMEOUT_MINUTES = "idle.timeout.minutes";
    static final String IDLE_GRACE_SECONDS = "idle.grace.seconds";
    static final String WARNING_MINUTES = "warning.minutes";
    static final String AGENT_SOCKET = "agent.socket";
    static final String STAFF_EXTEND_MINUTES = "staff.extend.minutes";
    static final String MAINTENANCE_MINUTES = "maintenance.minutes";
    static final String LANGUAGE_DEFAULT = "language.default";
    static final String DISPLAY_LARGE_TEXT = "display.large-text";
    static final String DISPLAY_HIGH_CONTRAST = "display.high-contrast";

    private static final Set<String> KNOWN_KEYS = Set.of(CLUB_NAME, RULES_BG, RULES_EN, SESSION_MINUTES,
            IDLE_TIMEOUT_MINUTES, IDLE_GRACE_SECONDS, WARNING_MINUTES, AGENT_SOCKET,
            STAFF_EXTEND_MINUTES, MAINTENANCE_MINUTES, LANGUAGE_DEFAULT, DISPLAY_LARGE_TEXT, DISPLAY_HIGH_CONTRAST);

    public KioskConfig {
        Objects.requireNonNull(clubName, "clubName");
        Objects.requireNonNull(sessionLength, "sessionLength");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idleGrace, "idleGrace");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(agentSocket, "agentSocket");
        Objects.requireNonNull(staffExtendStep, "staffExtendStep");
        Objects.requireNonNull(maintenanceLength, "maintenanceLength");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        launcherSection = copy(launcherSection);
    }

    /** The settings used when no file is given: every key at its default. */
    public static KioskConfig defaults() {
        return parse(new Properties(), "(built-in defaults)");
    }

    /** Reads and validates a UTF-8 properties file. */
    public static KioskConfig load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new KioskConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(properties, file.toString());
    }

    /**
     * Validates settings already read.
     *
     * @param source names the settings' origin (the file) in error messages
     * @throws KioskConfigException naming the source, the key and what is wrong
     */
    public static KioskConfig parse(Properties properties, String source) {
        KeyReader reader = new KeyReader(properties, source);
        reader.rejectUnknownKeys();
        return new KioskConfig(
                reader.text(CLUB_NAME, "DigiClub"),
                reader.optionalText(RULES_BG),
                reader.optionalText(RULES_EN),
                Duration.ofMinutes(reader.whole(SESSION_MINUTES, 60, 1, 720)),
                Duration.ofMinutes(reader.whole(IDLE_TIMEOUT_MINUTES, 10, 1, 240)),
                Duration.ofSeconds(reader.whole(IDLE_GRACE_SECONDS, 60, 10, 600)),
                reader.minuteList(WARNING_MINUTES, "10,5,1"),
                reader.path(AGENT_SOCKET, "/run/digiclub/agent.sock"),
                Duration.ofMinutes(reader.whole(STAFF_EXTEND_MINUTES, 15, 1, 240)),
                Duration.ofMinutes(reader.whole(MAINTENANCE_MINUTES, 15, 1, 240)),
                reader.language(LANGUAGE_DEFAULT, Language.BG),
                reader.flag(DISPLAY_LARGE_TEXT, false),
                reader.flag(DISPLAY_HIGH_CONTRAST, false),
                reader.section(LAUNCHER_PREFIXES));
    }

    /** The rules text for a language, or null when the club gave none. */
    public String rules(Language language) {
        return language == Language.BG ? rulesBg : rulesEn;
    }

    /** A copy with another session length (for {@code --demo-session-seconds}). */
    public KioskConfig withSessionLength(Duration length) {
        return new KioskConfig(clubName, rulesBg, rulesEn, length, idleTimeout, idleGrace, warnings, agentSocket,
                staffExtendStep, maintenanceLength, defaultLanguage, largeTextDefault, highContrastDefault, launcherSection);
    }

    @Override
    public Properties launcherSection() {
        return copy(launcherSection);
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        if (properties != null) {
            properties.stringPropertyNames().forEach(key -> copy.setProperty(key, properties.getProperty(key)));
        }
        return copy;
    }

    /** Reads one key at a time and says precisely what is wrong. */
    private static final class KeyReader {
        private final Properties properties;
        private final String source;

        KeyReader(Properties properties, String source) {
            this.properties = properties;
            this.source = source;
        }

        void rejectUnknownKeys() {
            Set<String> unknown = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith(RETIRED_WIPE_PREFIX) || key.equals("agent.spool")) {
                    throw error(key, "is no longer a kiosk setting: the agent ends the visitor's programs and resets "
                            + "the visitor's home (visitor.* in agent.properties), and the kiosk keeps no spool; remove the line");
                }
                if (!KNOWN_KEYS.contains(key) && LAUNCHER_PREFIXES.stream().noneMatch(key::startsWith)) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw error(unknown.iterator().next(), "unknown key (a typo?); known keys are "
                        + new TreeSet<>(KNOWN_KEYS) + " and the launcher's app.* and launcher.* keys");
            }
        }

        String text(String key, String fallback) {
            String value = optionalText(key);
            return value == null ? fallback : value;
        }

        String optionalText(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                return null;
            }
            if (value.isBlank()) {
                throw error(key, "is empty; remove the line to use the default");
            }
            return value.strip();
        }

        int whole(String key, int fallback, int min, int max) {
            String value = optionalText(key);
            if (value == null) {
                return fallback;
            }
            return wholeValue(key, value, min, max);
        }

        private int wholeValue(String key, String value, int min, int max) {
            int number;
            try {
                number = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
            }
            if (number < min || number > max) {
                throw error(key, "must be from " + min + " to " + max + ", was " + number);
            }
            return number;
        }

        List<Duration> minuteList(String key, String fallback) {
            String value = text(key, fallback);
            TreeSet<Integer> minutes = new TreeSet<>();
            for (String part : value.split(",")) {
                if (!minutes.add(wholeValue(key, part.strip(), 1, 120))) {
                    throw error(key, "lists " + part.strip() + " twice");
                }
            }
            List<Duration> warnings = new ArrayList<>();
            minutes.descendingSet().forEach(m -> warnings.add(Duration.ofMinutes(m)));
            return warnings;
        }

        Path path(String key, String fallback) {
            String value = text(key, fallback);
            try {
                Path path = Path.of(value);
                if (!path.isAbsolute()) {
                    throw error(key, "must be an absolute path, was '" + value + "'");
                }
                return path;
            } catch (InvalidPathException e) {
                throw error(key, "is not a valid path: " + e.getMessage());
            }
        }

        boolean flag(String key, boolean fallback) {
            String value = optionalText(key);
            if (value == null) {
                return fallback;
            }
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(key, "must be true or false, was '" + value + "'");
            };
        }

        Language language(String key, Language fallback) {
            String value = optionalText(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Language.fromCode(value);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }

        Properties section(List<String> prefixes) {
            Properties section = new Properties();
            for (String key : properties.stringPropertyNames()) {
                if (prefixes.stream().anyMatch(key::startsWith)) {
                    section.setProperty(key, properties.getProperty(key));
                }
            }
            return section;
        }

        private KioskConfigException error(String key, String what) {
            return new KioskConfigException(source + ": " + key + ": " + what);
        }
    }
}
