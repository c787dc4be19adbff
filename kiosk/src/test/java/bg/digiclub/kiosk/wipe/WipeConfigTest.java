package bg.digiclub.kiosk.wipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.kiosk.config.ConfigKeyException;

class WipeConfigTest {
    private static final Path FILE = Path.of("/etc/digiclub/kiosk.properties");

    @Test
    void readsTheExampleConfiguration() {
        WipeConfig config = parse(
                "wipe.visitor.home=/home/visitor",
                "wipe.visitor.user=visitor",
                "wipe.allowed-roots=~,/tmp",
                "wipe.steps=browser-profiles,downloads,temp,clipboard,recent-files,home-template",
                "wipe.browser-profiles.paths=~/.config/chromium, ~/.mozilla/firefox",
                "wipe.downloads.paths=~/Downloads,~/Изтегляния",
                "wipe.temp.paths=/tmp",
                "wipe.temp.owned-only=true",
                "wipe.recent-files.paths=~/.local/share/recently-used.xbel",
                "wipe.home-template.source=/etc/digiclub/home-template",
                "wipe.home-template.keep=.digiclub",
                "wipe.documents.paths=~/Documents",
                "club.name=not ours");

        Path home = Path.of("/home/visitor");
        assertEquals(new WipeConfig(List.of(home, Path.of("/tmp")), "visitor", null, List.of(
                new WipeStep.ClearPaths("browser-profiles", List.of(home.resolve(".config/chromium"), home.resolve(".mozilla/firefox")), Set.of(), false),
                new WipeStep.ClearPaths("downloads", List.of(home.resolve("Downloads"), home.resolve("Изтегляния")), Set.of(), false),
                new WipeStep.ClearPaths("temp", List.of(Path.of("/tmp")), Set.of(), true),
                new WipeStep.ClearClipboard("clipboard"),
                new WipeStep.ClearPaths("recent-files", List.of(home.resolve(".local/share/recently-used.xbel")), Set.of(), false),
                new WipeStep.RestoreHome("home-template", Path.of("/etc/digiclub/home-template"), home, Set.of(".digiclub")))),
                config);
    }

    @Test
    void rootsDefaultToTheVisitorHome() {
        WipeConfig config = parse("wipe.visitor.home=/home/visitor/", "wipe.steps=downloads", "wipe.downloads.paths=~/Downloads");
        assertEquals(List.of(Path.of("/home/visitor")), config.allowedRoots());
    }

    @Test
    void dotDotIsRefusedWherever() {
        assertError("wipe.downloads.paths", "'~/Downloads/../../../etc' contains '..'; name the directory directly",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.paths=~/Downloads/../../../etc");
        assertError("wipe.downloads.paths", "'/home/visitor/..' contains '..'; name the directory directly",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.paths=/home/visitor/..");
        assertError("wipe.allowed-roots", "'/home/visitor/../..' contains '..'; name the directory directly",
                "wipe.visitor.home=/home/visitor", "wipe.allowed-roots=/home/visitor/../..", "wipe.steps=clipboard");
        assertError("wipe.visitor.home", "'/home/x/..' contains '..'; name the directory directly",
                "wipe.visitor.home=/home/x/..", "wipe.steps=clipboard");
        assertError("wipe.downloads.paths", "'~\\..\\Public' contains '..'; name the directory directly",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.paths=~\\\\..\\\\Public");
    }

    @Test
    void pathsOutsideTheRootsAreRefused() {
        assertError("wipe.temp.paths", "/etc is outside the allowed roots [/home/visitor]",
                "wipe.visitor.home=/home/visitor", "wipe.steps=temp", "wipe.temp.paths=/etc");
        assertError("wipe.temp.paths", "/home/visitor2/x is outside the allowed roots [/home/visitor]",
                "wipe.visitor.home=/home/visitor", "wipe.steps=temp", "wipe.temp.paths=/home/visitor2/x");
        assertError("wipe.allowed-roots", "/ is a file-system root; name the visitor's directories instead",
                "wipe.allowed-roots=/", "wipe.steps=clipboard");
    }

    @Test
    void otherMistakesAreNamed() {
        assertError("wipe.steps", "missing; list the steps to run, e.g. browser-profiles,downloads,clipboard",
                "wipe.visitor.home=/home/visitor");
        assertError("wipe.downloads.paths", "missing; step downloads is in wipe.steps",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads");
        assertError("wipe.downloads.path", "unknown key; expected one of [wipe.steps, wipe.visitor.home, wipe.visitor.user, "
                        + "wipe.allowed-roots, wipe.trash] or wipe.<step>.{paths,keep,owned-only,source}",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.path=~/Downloads");
        assertError("wipe.steps", "step 'downloads' is listed twice",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads,downloads", "wipe.downloads.paths=~/Downloads");
        assertError("wipe.steps", "step name 'Downloads' must be lower-case letters, digits or '-'",
                "wipe.visitor.home=/home/visitor", "wipe.steps=Downloads");
        assertError("wipe.clipboard.paths", "the clipboard step takes no settings",
                "wipe.visitor.home=/home/visitor", "wipe.steps=clipboard", "wipe.clipboard.paths=~");
        assertError("wipe.downloads.source", "not a setting of this step; it takes paths, keep, owned-only",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.paths=~/Downloads", "wipe.downloads.source=/x");
        assertError("wipe.temp.owned-only", "'yes' must be true or false",
                "wipe.visitor.home=/home/visitor", "wipe.visitor.user=visitor", "wipe.steps=temp", "wipe.temp.paths=~/tmp", "wipe.temp.owned-only=yes");
        assertError("wipe.visitor.user", "missing; wipe.temp.owned-only needs the visitor's account name",
                "wipe.visitor.home=/home/visitor", "wipe.steps=temp", "wipe.temp.paths=~/tmp", "wipe.temp.owned-only=true");
        assertError("wipe.visitor.home", "missing; wipe.downloads.paths uses ~",
                "wipe.allowed-roots=/srv/visitor", "wipe.steps=downloads", "wipe.downloads.paths=~/Downloads");
        assertError("wipe.downloads.paths", "'Downloads' must be absolute or start with ~",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.paths=Downloads");
        assertError("wipe.downloads.keep", "'a/b' must be a plain name of an entry, not a path",
                "wipe.visitor.home=/home/visitor", "wipe.steps=downloads", "wipe.downloads.paths=~/Downloads", "wipe.downloads.keep=a/b");
        assertError("wipe.home-template.source", "missing; the directory whose copy becomes the visitor's home",
                "wipe.visitor.home=/home/visitor", "wipe.steps=home-template");
        assertError("wipe.allowed-roots", "must contain the visitor home /home/visitor for step home-template",
                "wipe.visitor.home=/home/visitor", "wipe.allowed-roots=/home/visitor/Downloads", "wipe.steps=home-template",
                "wipe.home-template.source=/etc/digiclub/home-template");
        assertError("wipe.allowed-roots", "missing (and no wipe.visitor.home to default to)", "wipe.steps=clipboard");
    }

    @Test
    void trashMustBeDirectlyInTheHomeAndApartFromThePaths() {
        WipeConfig ok = parse("wipe.visitor.home=/home/visitor", "wipe.trash=~/.digiclub-trash", "wipe.steps=home",
                "wipe.home.paths=~");
        assertEquals(Path.of("/home/visitor/.digiclub-trash"), ok.trash());
        assertError("wipe.trash", "'/var/trash' must be directly in the visitor home, e.g. ~/.digiclub-trash",
                "wipe.visitor.home=/home/visitor", "wipe.trash=/var/trash", "wipe.steps=clipboard");
        assertError("wipe.trash", "'~/.cache/trash' must be directly in the visitor home, e.g. ~/.digiclub-trash",
                "wipe.visitor.home=/home/visitor", "wipe.trash=~/.cache/trash", "wipe.steps=clipboard");
        assertError("wipe.cache.paths", "/home/visitor/.digiclub-trash/x overlaps the trash /home/visitor/.digiclub-trash",
                "wipe.visitor.home=/home/visitor", "wipe.trash=~/.digiclub-trash", "wipe.steps=cache", "wipe.cache.paths=~/.digiclub-trash/x");
        assertError("wipe.trash", "/home/visitor/.digiclub-trash is outside the allowed roots [/home/visitor/Downloads]",
                "wipe.visitor.home=/home/visitor", "wipe.allowed-roots=~/Downloads", "wipe.trash=~/.digiclub-trash", "wipe.steps=clipboard");
    }

    @Test
    void loadReadsUtf8(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kiosk.properties"),
                "wipe.visitor.home=/home/посетител\nwipe.steps=downloads\nwipe.downloads.paths=~/Изтегляния\n", StandardCharsets.UTF_8);
        WipeStep.ClearPaths step = (WipeStep.ClearPaths) WipeConfig.load(file).steps().get(0);
        assertEquals(List.of(Path.of("/home/посетител/Изтегляния")), step.paths());
    }

    private static void assertError(String key, String problem, String... lines) {
        ConfigKeyException e = assertThrows(ConfigKeyException.class, () -> parse(lines));
        assertEquals(FILE + ": " + key + ": " + problem, e.getMessage());
        assertEquals(key, e.key());
    }

    private static WipeConfig parse(String... lines) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(String.join("\n", lines)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return WipeConfig.parse(props, FILE);
    }
}
