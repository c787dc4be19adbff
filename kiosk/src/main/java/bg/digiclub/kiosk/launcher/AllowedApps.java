package bg.digiclub.kiosk.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.config.ConfigKeyException;
import bg.digiclub.kiosk.platform.Platforms;

/**
 * Reads the allowed applications from {@code app.<id>.*} keys; other keys in the same file are
 * left to their owners.
 *
 * <pre>
 * app.browser.name=Браузър
 * app.browser.order=1
 * app.browser.category=browsing                 # e-government, health, payments, family, learning, writing, browsing
 * app.browser.icon=icons/browser.png              # relative to the config file; optional
 * app.browser.command.linux=/usr/bin/chromium --incognito
 * app.browser.command.windows="C:\Program Files\Google\Chrome\Application\chrome.exe" --incognito
 * </pre>
 *
 * An app without a command for this OS is left out (a Windows-only program on a Linux PC).
 * Anything else wrong fails with an {@link ConfigKeyException} naming the file and the key.
 */
public final class AllowedApps {
    private static final Logger LOG = LoggerFactory.getLogger(AllowedApps.class);
    private static final String PREFIX = "app.";
    private static final List<String> CATEGORY_KEYS = Arrays.stream(TileCategory.values()).map(TileCategory::key).toList();

    private AllowedApps() {
    }

    /** Reads a UTF-8 properties file (Cyrillic names need no escapes) for the running OS. */
    public static List<AllowedApp> load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return parse(props, file);
    }

    /** The apps for the running OS, in display order. */
    public static List<AllowedApp> parse(Properties props, Path file) {
        return parse(props, file, Platforms.current().configKey());
    }

    /**
     * The apps for the OS whose config key is {@code osKey} ({@code linux}, {@code windows}).
     *
     * @param file only for messages and for resolving relative icon paths
     */
    public static List<AllowedApp> parse(Properties props, Path file, String osKey) {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new ConfigKeyException(file, key, "expected app.<id>.<setting>");
            }
            byId.computeIfAbsent(rest.substring(0, dot), id -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), props.getProperty(key).strip());
        }
        List<Ordered> apps = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byId.entrySet()) {
            Ordered app = app(file, entry.getKey(), entry.getValue(), osKey);
            if (app != null) {
                apps.add(app);
            }
        }
        apps.sort(Comparator.comparingInt(Ordered::order).thenComparing(o -> o.app().id()));
        return apps.stream().map(Ordered::app).toList();
    }

    private static Ordered app(Path file, String id, Map<String, String> settings, String osKey) {
        String prefix = PREFIX + id + ".";
        for (String setting : settings.keySet()) {
            if (setting.startsWith("command.")) {
                String os = setting.substring("command.".length());
                if (!Platforms.CONFIG_KEYS.contains(os)) {
                    throw new ConfigKeyException(file, prefix + setting, "unknown OS '" + os + "', expected one of " + Platforms.CONFIG_KEYS);
                }
            } else if (!List.of("name", "icon", "order", "category").contains(setting)) {
                throw new ConfigKeyException(file, prefix + setting, "unknown setting, expected name, icon, order, category or command.<os>");
            }
        }
        String name = settings.get("name");
        if (name == null || name.isEmpty()) {
            throw new ConfigKeyException(file, prefix + "name", "missing or empty");
        }
        String categoryKey = settings.get("category");
        if (categoryKey == null || categoryKey.isEmpty()) {
            throw new ConfigKeyException(file, prefix + "category", "missing or empty; expected one of " + CATEGORY_KEYS);
        }
        TileCategory category = TileCategory.ofKey(categoryKey).orElseThrow(() -> new ConfigKeyException(file,
                prefix + "category", "'" + categoryKey + "' is not a category; expected one of " + CATEGORY_KEYS));
        String command = settings.get("command." + osKey);
        if (command == null) {
            LOG.info("{}: app {} has no {} for this OS; not offered", file, id, prefix + "command." + osKey);
            return null;
        }
        List<String> argv;
        try {
            argv = CommandWords.split(command);
        } catch (IllegalArgumentException e) {
            throw new ConfigKeyException(file, prefix + "command." + osKey, e.getMessage());
        }
        if (argv.isEmpty()) {
            throw new ConfigKeyException(file, prefix + "command." + osKey, "empty command");
        }
        int order = Integer.MAX_VALUE;
        String orderText = settings.get("order");
        if (orderText != null) {
            try {
                order = Integer.parseInt(orderText);
            } catch (NumberFormatException e) {
                throw new ConfigKeyException(file, prefix + "order", "'" + orderText + "' is not a whole number");
            }
        }
        try {
            return new Ordered(new AllowedApp(id, name, icon(file, prefix + "icon", settings.get("icon")), argv, category), order);
        } catch (IllegalArgumentException e) {
            throw new ConfigKeyException(file, prefix + "name", e.getMessage());
        }
    }

    private static Path icon(Path file, String key, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Path base = file.toAbsolutePath().getParent();
        Path icon = base == null ? Path.of(value) : base.resolve(value);
        if (!Files.isRegularFile(icon)) {
            // A missing picture should not keep the club's PCs from starting; the launcher shows a generic one.
            LOG.warn("{}: {}: icon {} does not exist; showing the generic icon", file, key, icon);
            return null;
        }
        return icon;
    }

    private record Ordered(AllowedApp app, int order) {
    }
}
