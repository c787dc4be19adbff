package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.live.CommandState;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.PcMode;

/** The dashboard's texts are complete in Bulgarian and English, and every key is used. */
class PageTextTest {
    /** A key handed to {@code t.get(...)} in a template or to a page's error in Java. */
    private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_]+)+)\"");

    private static final Path[] SOURCES = {Path.of("src/main/jte"), Path.of("src/main/java/bg/digiclub/collector/web")};

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        String resource = "/bg/digiclub/collector/web/messages_" + language + ".properties";
        try (InputStream in = PageTextTest.class.getResourceAsStream(resource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(
                new TreeSet<>(bundle("bg").stringPropertyNames()),
                new TreeSet<>(bundle("en").stringPropertyNames()));
    }

    @Test
    void everyKeyTheTemplatesUseExistsAndNoneIsUnused() throws IOException {
        Set<String> keys = bundle("bg").stringPropertyNames();
        Set<String> used = usedKeys();
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(key -> !key.contains(".")
                || key.endsWith(".jte")
                || key.endsWith(".css")
                || key.endsWith(".js")
                || key.endsWith(".csv")
                || key.startsWith("bg.")
                || key.startsWith("gg."));
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "keys used but missing in messages_*.properties");
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys in messages_*.properties that nothing uses");
    }

    @Test
    void sharedLabelsAndOwnTextsReadInBothLanguages() {
        PageText bg = new PageText(PageLanguage.BG);
        PageText en = new PageText(PageLanguage.EN);
        assertEquals("75+", bg.age(AgeBand.AGE_75_PLUS));
        assertEquals("75+", en.age(AgeBand.AGE_75_PLUS));
        assertEquals("Учене", bg.tile(TileCategory.LEARNING));
        assertEquals("Сесии с плочка „Учене“", bg.get("club.tiles.row", bg.tile(TileCategory.LEARNING)));
        assertEquals("Club sz-1 does not exist.", en.get("error.noClub.detail", "sz-1"));
        assertEquals("1 504", PageText.number(1504).replace('\u202f', ' '));
        assertTrue(bg.get("page.title", "Обзор").startsWith("Обзор"));
    }

    /** Literal keys in the templates and the web classes, plus those built from enum names. */
    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new HashSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher matcher = KEY.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        for (Role role : Role.values()) {
            used.add("role." + role.name());
        }
        for (HealthLight light : HealthLight.values()) {
            used.add("light." + light.name());
        }
        for (int day = 1; day <= 7; day++) {
            used.add("weekday." + day);
        }
        // the live console's words for each value (LiveText)
        for (PcMode mode : PcMode.values()) {
            used.add("live.mode." + mode.name());
        }
        used.add("live.mode." + LiveText.OFF);
        for (VisitorKind visitor : VisitorKind.values()) {
            used.add("live.visitor." + visitor.name());
        }
        for (HealthLight light : HealthLight.values()) {
            used.add("live.health." + light.name());
        }
        for (CommandKind kind : CommandKind.values()) {
            used.add("live.kind." + kind.name());
            used.add("live.command." + kind.name());
        }
        for (CommandState state : CommandState.values()) {
            used.add("live.state." + state.name());
        }
        for (String logged : new String[] {"QUEUE_ADD", "QUEUE_REMOVE", "SETTINGS"}) {
            used.add("live.log." + logged);
        }
        return used;
    }
}
