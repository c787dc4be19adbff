package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import bg.digiclub.kiosk.config.ConfigKeyException;

/**
 * The privacy wipe's configuration, validated once at start-up. Keys (all under {@code wipe.}):
 *
 * <pre>
 * wipe.visitor.home=/home/visitor          # what ~ means; required when ~ is used
 * wipe.visitor.user=visitor                # needed only by owned-only steps
 * wipe.allowed-roots=~,/tmp                # nothing outside these is touched; default ~
 * wipe.steps=browser-profiles,downloads,documents,temp,clipboard,recent-files,home-template
 * wipe.browser-profiles.paths=~/.config/chromium,~/.mozilla/firefox
 * wipe.downloads.paths=~/Downloads
 * wipe.temp.paths=/tmp
 * wipe.temp.owned-only=true                # only the visitor's own entries of a shared directory
 * wipe.recent-files.paths=~/.local/share/recently-used.xbel
 * wipe.home-template.source=/etc/digiclub/home-template
 * wipe.home-template.keep=.digiclub        # top-level names left in place (also for paths steps)
 * wipe.trash=~/.digiclub-trash             # optional: move aside at once, delete in the background
 * </pre>
 *
 * Step {@code clipboard} takes no keys, {@code home-template} needs {@code source}, every other
 * step needs {@code paths}. Paths are absolute or start with {@code ~}; a {@code ..} anywhere is
 * refused, and so is a path outside the allowed roots. Lists are comma-separated (a path with a
 * comma cannot be configured).
 *
 * @param allowedRoots directories the wipe may touch, lexically normalised; never a file-system root
 * @param visitorUser  the account whose entries owned-only steps remove, or null if not configured
 * @param trash        a directory directly in the visitor home where entries are moved to be
 *                     deleted in the background, or null to delete before {@code run()} returns
 */
public record WipeConfig(List<Path> allowedRoots, String visitorUser, Path trash, List<WipeStep> steps) {
    public static final String CLIPBOARD = "clipboard";
    public static final String HOME_TEMPLATE = "home-template";

    private static final String PREFIX = "wipe.";
    private static final Pattern STEP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> STEP_SETTINGS = Set.of("paths", "keep", "owned-only", "source");
    private static final List<String> TOP_KEYS = List.of("wipe.steps", "wipe.visitor.home", "wipe.visitor.user", "wipe.allowed-roots", "wipe.trash");

    public WipeConfig {
        allowedRoots = List.copyOf(allowedRoots);
        if (trash != null && (trash.getParent() == null || trash.getFileName() == null)) {
            throw new IllegalArgumentException("trash must be a directory inside the visitor home: " + trash);
        }
        steps = List.copyOf(steps);
    }

    /** Reads the {@code wipe.*} keys of a UTF-8 properties file. */
    public static WipeConfig load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return parse(props, file);
    }

    /**
     * @param file only for messages
     * @throws ConfigKeyException naming the file and the key at the first problem
     */
    public static WipeConfig parse(Properties props, Path file) {
        return new Parser(props, file).parse();
    }

    private static final class Parser {
        private final Properties props;
        private final Path file;
        private Path home;

        Parser(Properties props, Path file) {
            this.props = Objects.requireNonNull(props, "props");
            this.file = Objects.requireNonNull(file, "file");
        }

        WipeConfig parse() {
            rejectUnknownKeys();
            String homeText = value("wipe.visitor.home");
            if (homeText != null) {
                home = absolute("wipe.visitor.home", homeText, false);
            }
            List<Path> roots = roots();
            String user = value("wipe.visitor.user");
            String stepsText = value("wipe.steps");
            if (stepsText == null) {
                throw error("wipe.steps", "missing; list the steps to run, e.g. browser-profiles,downloads,clipboard");
            }
            List<WipeStep> steps = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String name : list(stepsText)) {
                if (!STEP_NAME.matcher(name).matches()) {
                    throw error("wipe.steps", "step name '" + name + "' must be lower-case letters, digits or '-'");
                }
                if (!seen.add(name)) {
                    throw error("wipe.steps", "step '" + name + "' is listed twice");
                }
                steps.add(step(name, roots, user));
            }
            return new WipeConfig(roots, user, trash(steps, roots), steps);
        }

        private WipeStep step(String name, List<Path> roots, String user) {
            String prefix = PREFIX + name + ".";
            if (name.equals(CLIPBOARD)) {
                for (String setting : STEP_SETTINGS) {
                    if (value(prefix + setting) != null) {
                        throw error(prefix + setting, "the clipboard step takes no settings");
                    }
                }
                return new WipeStep.ClearClipboard(name);
            }
            Set<String> keep = new LinkedHashSet<>(list(orEmpty(value(prefix + "keep"))));
            for (String k : keep) {
                if (k.contains("/") || k.contains("\\") || k.equals("..") || k.equals(".")) {
                    throw error(prefix + "keep", "'" + k + "' must be a plain name of an entry, not a path");
                }
            }
            if (name.equals(HOME_TEMPLATE)) {
                String source = value(prefix + "source");
                if (source == null) {
                    throw error(prefix + "source", "missing; the directory whose copy becomes the visitor's home");
                }
                if (home == null) {
                    throw error("wipe.visitor.home", "missing; step " + HOME_TEMPLATE + " needs the visitor's home");
                }
                if (!roots.contains(home)) {
                    throw error("wipe.allowed-roots", "must contain the visitor home " + home + " for step " + HOME_TEMPLATE);
                }
                onlySettings(prefix, "source", "keep");
                return new WipeStep.RestoreHome(name, absolute(prefix + "source", source, false), home, keep);
            }
            String pathsText = value(prefix + "paths");
            if (pathsText == null || list(pathsText).isEmpty()) {
                throw error(prefix + "paths", "missing; step " + name + " is in wipe.steps");
            }
            onlySettings(prefix, "paths", "keep", "owned-only");
            List<Path> paths = new ArrayList<>();
            for (String text : list(pathsText)) {
                Path path = absolute(prefix + "paths", text, true);
                if (roots.stream().noneMatch(path::startsWith)) {
                    throw error(prefix + "paths", path + " is outside the allowed roots " + roots);
                }
                paths.add(path);
            }
            boolean ownedOnly = bool(prefix + "owned-only");
            if (ownedOnly && user == null) {
                throw error("wipe.visitor.user", "missing; " + prefix + "owned-only needs the visitor's account name");
            }
            return new WipeStep.ClearPaths(name, paths, keep, ownedOnly);
        }

        private Path trash(List<WipeStep> steps, List<Path> roots) {
            String text = value("wipe.trash");
            if (text == null) {
                return null;
            }
            if (!text.startsWith("~")) {
                throw error("wipe.trash", "'" + text + "' must be directly in the visitor home, e.g. ~/.digiclub-trash");
            }
            Path trash = absolute("wipe.trash", text, true);
            if (!home.equals(trash.getParent())) {
                throw error("wipe.trash", "'" + text + "' must be directly in the visitor home, e.g. ~/.digiclub-trash");
            }
            if (roots.stream().noneMatch(trash::startsWith)) {
                throw error("wipe.trash", trash + " is outside the allowed roots " + roots);
            }
            for (WipeStep step : steps) {
                if (step instanceof WipeStep.ClearPaths paths) {
                    for (Path p : paths.paths()) {
                        if (!p.equals(home) && (trash.startsWith(p) || p.startsWith(trash))) {
                            throw error("wipe." + step.name() + ".paths", p + " overlaps the trash " + trash);
                        }
                    }
                }
            }
            return trash;
        }

        private void onlySettings(String prefix, String... allowed) {
            for (String setting : STEP_SETTINGS) {
                if (!Arrays.asList(allowed).contains(setting) && value(prefix + setting) != null) {
                    throw error(prefix + setting, "not a setting of this step; it takes " + String.join(", ", allowed));
                }
            }
        }

        private List<Path> roots() {
            String text = value("wipe.allowed-roots");
            if (text == null) {
                if (home == null) {
                    throw error("wipe.allowed-roots", "missing (and no wipe.visitor.home to default to)");
                }
                return List.of(home);
            }
            List<Path> roots = new ArrayList<>();
            for (String item : list(text)) {
                Path root = absolute("wipe.allowed-roots", item, true);
                if (root.getParent() == null) {
                    throw error("wipe.allowed-roots", root + " is a file-system root; name the visitor's directories instead");
                }
                roots.add(root);
            }
            if (roots.isEmpty()) {
                throw error("wipe.allowed-roots", "empty");
            }
            return roots;
        }

        /** An absolute, normalised path; {@code ~} expands to the visitor home when allowed. */
        private Path absolute(String key, String text, boolean tildeAllowed) {
            for (String part : text.split("[/\\\\]")) {
                if (part.equals("..")) {
                    throw error(key, "'" + text + "' contains '..'; name the directory directly");
                }
            }
            Path path;
            try {
                if (text.equals("~") || text.startsWith("~/") || text.startsWith("~\\")) {
                    if (!tildeAllowed) {
                        throw error(key, "'" + text + "' must not start with ~");
                    }
                    if (home == null) {
                        throw error("wipe.visitor.home", "missing; " + key + " uses ~");
                    }
                    path = text.length() <= 2 ? home : home.resolve(text.substring(2));
                } else {
                    path = Path.of(text);
                }
            } catch (InvalidPathException e) {
                throw error(key, "'" + text + "' is not a valid path: " + e.getReason());
            }
            if (!path.isAbsolute()) {
                throw error(key, "'" + text + "' must be absolute or start with ~");
            }
            return path.normalize();
        }

        private boolean bool(String key) {
            String text = value(key);
            if (text == null || text.equals("false")) {
                return false;
            }
            if (text.equals("true")) {
                return true;
            }
            throw error(key, "'" + text + "' must be true or false");
        }

        private void rejectUnknownKeys() {
            for (String key : props.stringPropertyNames()) {
                if (!key.startsWith(PREFIX) || TOP_KEYS.contains(key)) {
                    continue;
                }
                String rest = key.substring(PREFIX.length());
                int dot = rest.lastIndexOf('.');
                if (dot <= 0 || !STEP_SETTINGS.contains(rest.substring(dot + 1))) {
                    throw error(key, "unknown key; expected one of " + TOP_KEYS + " or wipe.<step>.{paths,keep,owned-only,source}");
                }
            }
        }

        private String value(String key) {
            String v = props.getProperty(key);
            return v == null || v.isBlank() ? null : v.strip();
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        private static List<String> list(String text) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private ConfigKeyException error(String key, String problem) {
            return new ConfigKeyException(file, key, problem);
        }
    }
}
