package bg.digiclub.kiosk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.config.RenamedKeys;
import bg.digiclub.kiosk.i18n.Language;

/**
 * The kiosk's settings, read with the one configuration reader ({@link ConfigProperties}: a
 * blank single value is an error, a blank list means its default, an old key name works with a
 * warning) and validated once at
 * start-up. See {@code kiosk/config/kiosk.example.properties} for every key with its meaning
 * and default.
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
public record KioskConfig(
        String clubName,
        String rulesBg,
        String rulesEn,
        Duration sessionLength,
        Duration idleTimeout,
        Duration idleGrace,
        List<Duration> warnings,
        Path agentSocket,
        Duration staffExtendStep,
        Duration maintenanceLength,
        Language defaultLanguage,
        boolean largeTextDefault,
        boolean highContrastDefault,
        Properties launcherSection) {
    private static final Logger LOG = LoggerFactory.getLogger(KioskConfig.class);

    /** Keys handed on to the launcher: its tiles ({@code app.<id>.*}) and its own settings (the club's browser). */
    public static final List<String> LAUNCHER_PREFIXES = List.of("app.", "launcher.");
    /** The kiosk's privacy wipe keys of old; the agent resets the visitor's home now. */
    private static final String RETIRED_WIPE_PREFIX = "wipe.";

    private static final String RETIRED_SPOOL = "agent.spool";

    static final String CLUB_NAME = "club.name";
    static final String RULES_BG = "rules.bg";
    static final String RULES_EN = "rules.en";
    static final String SESSION_LENGTH_MINUTES = "session.length-minutes";
    static final String IDLE_TIMEOUT_MINUTES = "idle.timeout-minutes";
    static final String IDLE_GRACE_SECONDS = "idle.grace-seconds";
    static final String WARNING_REMAINING_MINUTES = "warning.remaining-minutes";
    static final String AGENT_SOCKET = "agent.socket";
    static final String STAFF_EXTEND_MINUTES = "staff.extend-minutes";
    static final String MAINTENANCE_LENGTH_MINUTES = "maintenance.length-minutes";
    static final String LANGUAGE_DEFAULT = "language.default";
    static final String DISPLAY_LARGE_TEXT = "display.large-text";
    static final String DISPLAY_HIGH_CONTRAST = "display.high-contrast";

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
        return read(ConfigProperties.empty("(built-in defaults)"));
    }

    /**
     * Reads and validates a UTF-8 properties file; a key under its old name (see
     * {@link RenamedKeys#KIOSK}) is read as before and logged as a warning.
     *
     * @throws ConfigException naming the file, the key and what is wrong
     */
    public static KioskConfig load(Path file) {
        ConfigProperties properties = ConfigProperties.load(file, RenamedKeys.KIOSK);
        KioskConfig config = read(properties);
        properties.warnings().forEach(LOG::warn);
        return config;
    }

    /**
     * Validates settings already read (tests, the quick start).
     *
     * @param source names the settings' origin in error messages
     * @throws ConfigException naming the source, the key and what is wrong
     */
    public static KioskConfig parse(Properties properties, String source) {
        return read(ConfigProperties.of(source, properties, RenamedKeys.KIOSK));
    }

    /**
     * Validates the kiosk's keys of {@code c}; every other key is refused, except the launcher's
     * ({@link #LAUNCHER_PREFIXES}), which are handed on as written.
     *
     * @throws ConfigException naming the source, the key and what is wrong
     */
    public static KioskConfig read(ConfigProperties c) {
        refuseRetiredKeys(c);
        Properties launcher = new Properties();
        LAUNCHER_PREFIXES.forEach(prefix -> launcher.putAll(c.section(prefix)));
        KioskConfig config = new KioskConfig(
                c.string(CLUB_NAME, "DigiClub"),
                c.string(RULES_BG).orElse(null),
                c.string(RULES_EN).orElse(null),
                c.minutes(
                        SESSION_LENGTH_MINUTES, Duration.ofMinutes(60), Duration.ofMinutes(1), Duration.ofMinutes(720)),
                c.minutes(IDLE_TIMEOUT_MINUTES, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(240)),
                c.seconds(IDLE_GRACE_SECONDS, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(600)),
                warnings(c),
                absolutePath(c, AGENT_SOCKET, "/run/digiclub/agent.sock"),
                c.minutes(STAFF_EXTEND_MINUTES, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(240)),
                c.minutes(
                        MAINTENANCE_LENGTH_MINUTES,
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(240)),
                language(c, LANGUAGE_DEFAULT, Language.BG),
                c.bool(DISPLAY_LARGE_TEXT, false),
                c.bool(DISPLAY_HIGH_CONTRAST, false),
                launcher);
        c.rejectUnknownKeys();
        return config;
    }

    private static void refuseRetiredKeys(ConfigProperties c) {
        List<String> retired = new ArrayList<>(c.keysStartingWith(RETIRED_WIPE_PREFIX));
        if (c.isSet(RETIRED_SPOOL)) {
            retired.add(RETIRED_SPOOL);
        }
        if (!retired.isEmpty()) {
            throw c.problem(
                    retired.get(0),
                    "is no longer a kiosk setting: the agent ends the visitor's programs and "
                            + "resets the visitor's home (visitor.* in agent.properties), and the kiosk keeps no spool; remove the line");
        }
    }

    /** The remaining minutes at which a warning is drawn, longest first; blank or absent: 10, 5 and 1. */
    private static List<Duration> warnings(ConfigProperties c) {
        String key = WARNING_REMAINING_MINUTES;
        List<String> parts = c.optionalList(key).orElse(List.of("10", "5", "1"));
        if (parts.isEmpty()) {
            throw c.problem(key, "lists no minutes; remove the line to use the default (10,5,1)");
        }
        TreeSet<Integer> minutes = new TreeSet<>();
        for (String part : parts) {
            int m;
            try {
                m = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw c.bad(key, part, "must list whole numbers from 1 to 120");
            }
            if (m < 1 || m > 120) {
                throw c.bad(key, part, "must list whole numbers from 1 to 120");
            }
            if (!minutes.add(m)) {
                throw c.problem(key, "lists " + m + " twice");
            }
        }
        List<Duration> warnings = new ArrayList<>();
        minutes.descendingSet().forEach(m -> warnings.add(Duration.ofMinutes(m)));
        return warnings;
    }

    private static Path absolutePath(ConfigProperties c, String key, String fallback) {
        Path path = c.path(key).orElse(Path.of(fallback));
        if (!path.isAbsolute()) {
            throw c.bad(key, path.toString(), "must be an absolute path");
        }
        return path;
    }

    private static Language language(ConfigProperties c, String key, Language fallback) {
        Optional<String> value = c.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Language.fromCode(value.get());
        } catch (IllegalArgumentException e) {
            throw c.problem(key, e.getMessage());
        }
    }

    /** The rules text for a language, or null when the club gave none. */
    public String rules(Language language) {
        return language == Language.BG ? rulesBg : rulesEn;
    }

    /** A copy with another session length (for {@code --demo-session-seconds}). */
    public KioskConfig withSessionLength(Duration length) {
        return new KioskConfig(
                clubName,
                rulesBg,
                rulesEn,
                length,
                idleTimeout,
                idleGrace,
                warnings,
                agentSocket,
                staffExtendStep,
                maintenanceLength,
                defaultLanguage,
                largeTextDefault,
                highContrastDefault,
                launcherSection);
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
}
