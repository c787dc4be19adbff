package bg.digiclub.kiosk.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;

/** Every visible string is in both languages, and no key lingers unused. */
class I18nBundlesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** Any dotted string literal: a key that appears nowhere as one is unused. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(\\.[A-Za-z0-9_]+)+)\"");
    /** A literal handed straight to a text lookup: it must be a key. */
    private static final Pattern KEY_LOOKUP = Pattern.compile(
            "(?:\\.text|\\.format|Widgets\\.label|Widgets\\.button|Message\\.of)\\((?:i18n,\\s*)?\"([^\"]+)\"");

    private static Properties bundle(String language) throws IOException {
        return load("/bg/digiclub/kiosk/i18n/messages_" + language + ".properties");
    }

    /** The labels shared with the dashboard (age bands, sex, tile categories). */
    private static Properties labels(String language) throws IOException {
        return load("/bg/digiclub/common/i18n/labels_" + language + ".properties");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(resource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> bg = bundle("bg").stringPropertyNames();
        Set<String> en = bundle("en").stringPropertyNames();
        Set<String> onlyBg = new TreeSet<>(bg);
        onlyBg.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(bg);
        assertEquals(Set.of(), onlyBg, "keys missing in messages_en.properties");
        assertEquals(Set.of(), onlyEn, "keys missing in messages_bg.properties");
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = new HashSet<>(bundle("bg").stringPropertyNames());
        keys.addAll(labels("bg").stringPropertyNames());
        Set<String> missing = new TreeSet<>(literals(KEY_LOOKUP));
        // String.format("%d:%02d") and the like are lookups of another kind
        missing.removeIf(literal -> literal.contains("%"));
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "keys used in the code but missing in the bundles");
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> unused = new TreeSet<>(bundle("bg").stringPropertyNames());
        unused.removeAll(usedKeys());
        assertEquals(Set.of(), unused, "keys in the bundles that no code uses");
    }

    @Test
    void bulgarianIsReallyBulgarian() throws IOException {
        Properties bg = bundle("bg");
        assertTrue(bg.getProperty("lock.startGuest").matches(".*[А-Яа-я].*"));
        assertEquals("Започнете като гост", new I18n(Language.BG).format("lock.startGuest"));
        assertEquals("Start as guest", new I18n(Language.EN).format("lock.startGuest"));
    }

    @Test
    void sharedLabelsComeFromCommonAndTheVisitorsAnswerFromTheKiosk() throws IOException {
        I18n i18n = new I18n(Language.BG);
        for (AgeBand band : AgeBand.values()) {
            assertEquals(labels("bg").getProperty("age." + band.name()), i18n.format("age." + band.name()));
        }
        assertEquals("75+", i18n.format("age.AGE_75_PLUS"));
        assertEquals("Електронно управление", i18n.format("tile.E_GOVERNMENT"));
        assertEquals("Предпочитам да не казвам", i18n.format("demographics.preferNotToSay"));
        i18n.use(Language.EN);
        assertEquals("Female", i18n.format("sex.FEMALE"));
        assertEquals("Learning", i18n.format("tile.LEARNING"));
        for (String key : bundle("bg").stringPropertyNames()) {
            assertFalse(labels("bg").containsKey(key), key + " is labelled in both bundles");
        }
    }

    @Test
    void pluralsAndArgumentsFormat() {
        I18n i18n = new I18n(Language.BG);
        assertEquals("Остава 1 минута", i18n.format("warning.time.title", 1L));
        assertEquals("Остават 5 минути", i18n.format("warning.time.title", 5L));
        i18n.use(Language.EN);
        assertEquals("1 minute left", i18n.format("warning.time.title", 1L));
        assertEquals("10 minutes left", i18n.format("warning.time.title", 10L));
    }

    @Test
    void noJargonWhereVisitorsOrMentorsRead() throws IOException {
        // the visitor and the mentor meet "the computer", never its parts' names
        Properties bg = bundle("bg");
        for (String key : bg.stringPropertyNames()) {
            String text = bg.getProperty(key).toLowerCase(java.util.Locale.ROOT);
            assertFalse(
                    text.contains("агент") || text.contains("киоск") || text.matches("(?s)(.*[^а-я])?стартира.*"),
                    key + ": " + bg.getProperty(key));
        }
        Properties en = bundle("en");
        for (String key : en.stringPropertyNames()) {
            // the administrator's command is named as typed
            String text = en.getProperty(key).toLowerCase(java.util.Locale.ROOT).replace("digiclub-agent", "");
            assertFalse(
                    text.contains("agent ") || text.contains("agent's") || text.contains("kiosk"),
                    key + ": " + en.getProperty(key));
        }
    }

    @Test
    void buttonsAskPolitelyAsTheTextsDo() {
        I18n i18n = new I18n(Language.BG);
        assertEquals(
                "Да приключим ли? Всичко, което сте оставили на компютъра, ще бъде изтрито.",
                i18n.format("bar.confirm"));
        assertEquals("Започнете", i18n.format("guest.start"));
        assertEquals("Влезте", i18n.format("member.logIn"));
        assertEquals("Блокирайте картата", i18n.format("staff.cards.disable"));
    }

    @Test
    void secondsFormat() {
        I18n i18n = new I18n(Language.BG);
        assertEquals("Остава 1 секунда", i18n.format("warning.time.seconds", 1L));
        assertEquals("Остават 59 секунди", i18n.format("warning.time.seconds", 59L));
        assertTrue(i18n.format("warning.idle.body", 1L).contains("след 1 секунда"));
        i18n.use(Language.EN);
        assertEquals("59 seconds left", i18n.format("warning.time.seconds", 59L));
        assertTrue(i18n.format("warning.idle.body", 30L).contains("\"I'm still here\""));
    }

    /**
     * Keys written as literals in the main sources, plus those built from enum names (health
     * statuses), which appear in the code only as a prefix.
     */
    private static Set<String> usedKeys() throws IOException {
        Set<String> used = literals(KEY_LITERAL);
        for (HealthStatus status : HealthStatus.values()) {
            used.add("status." + status.name());
        }
        return used;
    }

    private static Set<String> literals(Pattern pattern) throws IOException {
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
