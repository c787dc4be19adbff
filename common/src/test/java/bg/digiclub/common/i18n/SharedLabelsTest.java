package bg.digiclub.common.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * The labels the kiosk and the dashboard share name every age band, sex and tile category, in
 * Bulgarian and in English, and nothing else.
 */
class SharedLabelsTest {
    private static Properties labels(String language) throws IOException {
        Properties properties = new Properties();
        String resource = "/bg/digiclub/common/i18n/labels_" + language + ".properties";
        try (InputStream in = SharedLabelsTest.class.getResourceAsStream(resource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> expectedKeys() {
        Set<String> keys = new TreeSet<>();
        for (AgeBand band : AgeBand.values()) {
            keys.add("age." + band.name());
        }
        for (Sex sex : Sex.values()) {
            keys.add("sex." + sex.name());
        }
        for (TileCategory category : TileCategory.values()) {
            keys.add("tile." + category.name());
        }
        return keys;
    }

    @Test
    void everyValueIsLabelledInBothLanguagesAndNothingElse() throws IOException {
        for (String language : new String[] {"bg", "en"}) {
            Properties labels = labels(language);
            assertEquals(expectedKeys(), new TreeSet<>(labels.stringPropertyNames()), language);
            for (String key : labels.stringPropertyNames()) {
                assertFalse(labels.getProperty(key).isBlank(), language + " " + key);
            }
        }
    }

    @Test
    void oneLabelForSeventyFivePlusAndBulgarianIsBulgarian() throws IOException {
        assertEquals("75+", labels("bg").getProperty("age.AGE_75_PLUS"));
        assertEquals("75+", labels("en").getProperty("age.AGE_75_PLUS"));
        assertEquals("Жена", labels("bg").getProperty("sex.FEMALE"));
        assertEquals("Учене", labels("bg").getProperty("tile.LEARNING"));
    }
}
