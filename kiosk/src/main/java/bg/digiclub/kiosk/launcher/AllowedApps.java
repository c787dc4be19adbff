package bg.digiclub.kiosk.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.platform.current.Platforms;

/**
 * Reads the launcher's tiles from {@code app.<id>.*} keys and the club's browser from
 * {@code launcher.browser.command.<os>}; other keys in the same file are left to their owners.
 *
 * <pre>
 * launcher.browser.command.linux=/usr/bin/chromium --incognito
 * launcher.browser.command.windows="C:\Program Files\Google\Chrome\Application\chrome.exe" --incognito
 *
 * app.egov.name.bg=Електронно управление      # what the tile says, per language;
 * app.egov.name.en=E-government                 # app.egov.name alone is the name in both
 * app.egov.category=e-government                # e-government, health, payments, family, learning, writing, browsing
 * app.egov.url=https://egov.bg                  # a web address (http or https), opened with the club's browser ...
 * app.writer.command.linux=/usr/bin/libreoffice --writer   # ... or a program per OS, never both
 * app.egov.icon=icons/egov.png                  # relative to the config file; optional (else the category's icon)
 * app.egov.order=1                              # the order within its group; optional
 * </pre>
 *
 * A program without a command for this OS is left out (a Windows-only program on a Linux PC).
 * Anything else wrong fails with an {@link ConfigException} naming the file and the key.
 */
public final class AllowedApps {
    private static final Logger LOG = LoggerFactory.getLogger(AllowedApps.class);
    private static final String PREFIX = "app.";
    private static final String BROWSER = "launcher.browser.command.";
    private static final List<String> SETTINGS =
            List.of("name", "name.bg", "name.en", "icon", "order", "category", "url");
    private static final List<String> CATEGORY_KEYS =
            Arrays.stream(TileCategory.values()).map(TileCategory::key).toList();

    private AllowedApps() {}

    /** Reads a UTF-8 properties file (Cyrillic names need no escapes) for the running OS. */
    public static List<AllowedApp> load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return parse(props, file);
    }

    /** The tiles for the running OS, in display order. */
    public static List<AllowedApp> parse(Properties props, Path file) {
        return parse(props, file, Platforms.current().configKey());
    }

    /**
     * The tiles for the OS whose config key is {@code osKey} ({@code linux}, {@code windows}).
     *
     * @param file only for messages and for resolving relative icon paths
     */
    public static List<AllowedApp> parse(Properties props, Path file, String osKey) {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        List<String> browser = null;
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("launcher.")) {
                List<String> command = browser(file, key, props.getProperty(key).strip());
                if (key.equals(BROWSER + osKey)) {
                    browser = command;
                }
                continue;
            }
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw wrong(file, key, "expected app.<id>.<setting>");
            }
            byId.computeIfAbsent(rest.substring(0, dot), id -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), props.getProperty(key).strip());
        }
        List<Ordered> apps = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byId.entrySet()) {
            Ordered app = app(file, entry.getKey(), entry.getValue(), osKey, browser);
            if (app != null) {
                apps.add(app);
            }
        }
        apps.sort(Comparator.comparingInt(Ordered::order)
                .thenComparing(o -> o.app().id()));
        return apps.stream().map(Ordered::app).toList();
    }

    private static List<String> browser(Path file, String key, String value) {
        if (!key.startsWith(BROWSER) || !Platforms.CONFIG_KEYS.contains(key.substring(BROWSER.length()))) {
            throw wrong(
                    file,
                    key,
                    "unknown setting, expected " + BROWSER + "<os> with <os> one of " + Platforms.CONFIG_KEYS);
        }
        List<String> argv = words(file, key, value);
        if (argv.isEmpty()) {
            throw wrong(file, key, "empty command");
        }
        return argv;
    }

    private static Ordered app(Path file, String id, Map<String, String> settings, String osKey, List<String> browser) {
        String prefix = PREFIX + id + ".";
        boolean hasCommand = false;
        for (String setting : settings.keySet()) {
            if (setting.startsWith("command.")) {
                String os = setting.substring("command.".length());
                if (!Platforms.CONFIG_KEYS.contains(os)) {
                    throw wrong(
                            file,
                            prefix + setting,
                            "unknown OS '" + os + "', expected one of " + Platforms.CONFIG_KEYS);
                }
                hasCommand = true;
            } else if (!SETTINGS.contains(setting)) {
                throw wrong(
                        file,
                        prefix + setting,
                        "unknown setting, expected name, name.bg, name.en, icon, order, category, url or command.<os>");
            }
        }
        String nameBg = name(file, prefix, settings, "bg");
        String nameEn = name(file, prefix, settings, "en");
        String categoryKey = settings.get("category");
        if (categoryKey == null || categoryKey.isEmpty()) {
            throw wrong(file, prefix + "category", "missing or empty; expected one of " + CATEGORY_KEYS);
        }
        TileCategory category = TileCategory.ofKey(categoryKey)
                .orElseThrow(() -> wrong(
                        file,
                        prefix + "category",
                        "'" + categoryKey + "' is not a category; expected one of " + CATEGORY_KEYS));
        String url = settings.get("url");
        if (url != null && hasCommand) {
            throw wrong(
                    file,
                    prefix + "url",
                    "a tile opens a web address or starts a program, not both; remove " + prefix + "url or the "
                            + prefix + "command.* lines");
        }
        if (url == null && !hasCommand) {
            throw wrong(
                    file,
                    prefix + "url",
                    "missing; give the tile a web address (" + prefix + "url) or a program (" + prefix
                            + "command.<os>)");
        }
        List<String> argv;
        if (url != null) {
            String address = webAddress(file, prefix + "url", url);
            if (browser == null) {
                throw wrong(
                        file,
                        BROWSER + osKey,
                        "missing; " + prefix + "url is opened with the club's browser, "
                                + "which this key names for this OS");
            }
            argv = new ArrayList<>(browser);
            // one word, whatever it holds: the browser gets the address, never a further option
            argv.add(address);
        } else {
            String command = settings.get("command." + osKey);
            if (command == null) {
                LOG.info("{}: app {} has no {} for this OS; not offered", file, id, prefix + "command." + osKey);
                return null;
            }
            argv = words(file, prefix + "command." + osKey, command);
            if (argv.isEmpty()) {
                throw wrong(file, prefix + "command." + osKey, "empty command");
            }
        }
        int order = Integer.MAX_VALUE;
        String orderText = settings.get("order");
        if (orderText != null) {
            try {
                order = Integer.parseInt(orderText);
            } catch (NumberFormatException e) {
                throw wrong(file, prefix + "order", "'" + orderText + "' is not a whole number");
            }
        }
        try {
            return new Ordered(
                    new AllowedApp(
                            id, nameBg, nameEn, icon(file, prefix + "icon", settings.get("icon")), argv, category),
                    order);
        } catch (IllegalArgumentException e) {
            throw wrong(file, prefix + "name", e.getMessage());
        }
    }

    /** The tile's name in one language: {@code name.<language>}, else {@code name} for both. */
    private static String name(Path file, String prefix, Map<String, String> settings, String language) {
        String own = settings.get("name." + language);
        if (own != null) {
            if (own.isEmpty()) {
                throw wrong(file, prefix + "name." + language, "empty");
            }
            return own;
        }
        String both = settings.get("name");
        if (both == null || both.isEmpty()) {
            String missing = settings.containsKey("name.bg") || settings.containsKey("name.en")
                    ? prefix + "name." + language
                    : prefix + "name";
            throw wrong(
                    file,
                    missing,
                    "missing or empty; give " + prefix + "name.bg and " + prefix + "name.en, or " + prefix
                            + "name for both languages");
        }
        return both;
    }

    /** An absolute http or https address, as written. */
    private static String webAddress(Path file, String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw wrong(file, key, "'" + value + "' is not a web address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw wrong(file, key, "'" + value + "' must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw wrong(file, key, "'" + value + "' has no host name");
        }
        return value;
    }

    private static List<String> words(Path file, String key, String command) {
        try {
            return CommandWords.split(command);
        } catch (IllegalArgumentException e) {
            throw wrong(file, key, e.getMessage());
        }
    }

    private static Path icon(Path file, String key, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Path base = file.toAbsolutePath().getParent();
        Path icon = base == null ? Path.of(value) : base.resolve(value);
        if (!Files.isRegularFile(icon)) {
            // A missing picture should not keep the club's PCs from starting; the tile shows its category's icon.
            LOG.warn("{}: {}: icon {} does not exist; showing the category's icon", file, key, icon);
            return null;
        }
        return icon;
    }

    private record Ordered(AllowedApp app, int order) {}

    /** An error about one of the launcher's keys, worded as every config error is. */
    private static ConfigException wrong(Path file, String key, String problem) {
        return ConfigException.atKey(String.valueOf(file), key, problem);
    }
}
