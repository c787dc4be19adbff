package bg.digiclub.kiosk.wipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.platform.ClipboardCleaner;

@EnabledOnOs(OS.LINUX)
class ConfiguredPrivacyWipeTest {
    @TempDir
    Path dir;

    @Test
    void hostileTreeIsEmptiedAndNothingOutsideIsTouched() throws Exception {
        HostileTree.build(dir);
        Path home = dir.resolve("home");
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.steps=downloads,documents,linked,browser-profiles,recent-files",
                "wipe.downloads.paths=~/Downloads",
                "wipe.documents.paths=~/Documents",
                "wipe.linked.paths=~/Linked",
                "wipe.browser-profiles.paths=~/.cache/chromium",
                "wipe.recent-files.paths=~/.local/share/recently-used.xbel");

        List<WipeStepResult> results = new ConfiguredPrivacyWipe(config, () -> { }).run();

        assertOk(results.get(0), "downloads");
        assertOk(results.get(1), "documents");
        assertOk(results.get(2), "linked");
        assertEquals("browser-profiles", results.get(3).step());
        assertFalse(results.get(3).ok(), "a link on the way must not be followed");
        assertTrue(results.get(3).detail().contains(".cache is a link or a file, not a directory; not followed"), results.get(3).detail());
        assertOk(results.get(4), "recent-files");

        assertEquals(List.of(), entries(home.resolve("Downloads")), "Downloads kept but empty");
        assertEquals(List.of(), entries(home.resolve("Documents")), "Documents kept but empty");
        assertFalse(Files.exists(home.resolve("Linked"), LinkOption.NOFOLLOW_LINKS), "the link itself is removed");
        assertFalse(Files.exists(home.resolve(".local/share/recently-used.xbel")));

        Path outside = dir.resolve("outside");
        assertEquals("keep-me\n", Files.readString(outside.resolve("sentinel.txt")));
        assertEquals("inner\n", Files.readString(outside.resolve("sentinel-dir/inner.txt")));
        assertEquals("someone-elses-history\n", Files.readString(outside.resolve("chromium/Default/History")));
        assertTrue(Files.exists(Path.of("/etc/passwd")));
    }

    @Test
    void oneFailingStepDoesNotStopTheOthers() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("Downloads"));
        Files.writeString(home.resolve("Downloads/a.txt"), "a");
        ClipboardCleaner broken = () -> {
            throw new IOException("xsel is not installed (apt-get install xsel)");
        };
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.steps=clipboard,downloads",
                "wipe.downloads.paths=~/Downloads");

        List<WipeStepResult> results = new ConfiguredPrivacyWipe(config, broken).run();

        assertEquals(List.of(
                new WipeStepResult("clipboard", false, "xsel is not installed (apt-get install xsel)"),
                new WipeStepResult("downloads", true, "removed 1 entry")), results);
    }

    @Test
    void clipboardStepUsesTheGivenCleaner() {
        int[] calls = {0};
        WipeConfig config = config("wipe.allowed-roots=" + dir, "wipe.steps=clipboard");

        List<WipeStepResult> results = new ConfiguredPrivacyWipe(config, () -> calls[0]++).run();

        assertEquals(List.of(new WipeStepResult("clipboard", true, "cleared")), results);
        assertEquals(1, calls[0]);
    }

    @Test
    void missingDirectoriesAreNothingToDo() {
        WipeConfig config = config(
                "wipe.visitor.home=" + dir.resolve("never-logged-in"),
                "wipe.steps=downloads",
                "wipe.downloads.paths=~/Downloads");

        assertEquals(List.of(new WipeStepResult("downloads", true, "removed 0 entries")),
                new ConfiguredPrivacyWipe(config, () -> { }).run());
    }

    @Test
    void keptNamesStay() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".digiclub"));
        Files.writeString(home.resolve(".digiclub/spool.json"), "{}");
        Files.writeString(home.resolve("notes.txt"), "x");
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.steps=home",
                "wipe.home.paths=~",
                "wipe.home.keep=.digiclub");

        List<WipeStepResult> results = new ConfiguredPrivacyWipe(config, () -> { }).run();

        assertOk(results.get(0), "home");
        assertEquals(List.of(".digiclub"), entries(home));
        assertTrue(Files.exists(home.resolve(".digiclub/spool.json")));
    }

    @Test
    void ownedOnlyLeavesOtherAccountsEntriesInASharedDirectory() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(shared.resolve("mine.txt"), "x");
        Files.createDirectories(shared.resolve("my-dir"));
        Path theirs = Files.writeString(shared.resolve("theirs.txt"), "y");
        String me = Files.getOwner(shared).getName();
        UserPrincipal nobody = shared.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        WipeConfig config = config(
                "wipe.allowed-roots=" + shared,
                "wipe.visitor.user=" + me,
                "wipe.steps=temp",
                "wipe.temp.paths=" + shared,
                "wipe.temp.owned-only=true");

        List<WipeStepResult> results = new ConfiguredPrivacyWipe(config, () -> { }).run();

        assertOk(results.get(0), "temp");
        assertEquals(List.of("theirs.txt"), entries(shared));
    }

    @Test
    void homeIsReplacedByTheTemplate() throws Exception {
        HostileTree.build(dir);
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".digiclub"));
        Files.writeString(home.resolve(".digiclub/spool.json"), "{}");
        Path template = Files.createDirectories(dir.resolve("template"));
        Files.writeString(template.resolve(".bashrc"), "export LANG=bg_BG.UTF-8\n");
        Files.createDirectories(template.resolve("Desktop"));
        Files.writeString(template.resolve("Desktop/Добре дошли.txt"), "Добре дошли в дигиталния клуб!\n");
        Files.createDirectories(template.resolve("Downloads"));
        Files.createSymbolicLink(template.resolve("Desktop/Browser"), Path.of("/usr/bin/chromium"));
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.steps=home-template",
                "wipe.home-template.source=" + template,
                "wipe.home-template.keep=.digiclub");

        List<WipeStepResult> results = new ConfiguredPrivacyWipe(config, () -> { }).run();

        assertTrue(results.get(0).ok(), results.get(0).toString());
        assertTrue(results.get(0).detail().endsWith(", template copied"), results.get(0).detail());
        assertEquals(List.of(".bashrc", ".digiclub", "Desktop", "Downloads"), entries(home));
        assertEquals(List.of("Browser", "Добре дошли.txt"), entries(home.resolve("Desktop")));
        assertEquals(Path.of("/usr/bin/chromium"), Files.readSymbolicLink(home.resolve("Desktop/Browser")));
        assertEquals("Добре дошли в дигиталния клуб!\n", Files.readString(home.resolve("Desktop/Добре дошли.txt")));
        assertEquals(List.of(), entries(home.resolve("Downloads")));
        assertTrue(Files.exists(home.resolve(".digiclub/spool.json")));
        assertEquals("keep-me\n", Files.readString(dir.resolve("outside/sentinel.txt")));
        assertEquals("inner\n", Files.readString(dir.resolve("outside/sentinel-dir/inner.txt")));
    }

    @Test
    void missingTemplateFailsTheStep() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.steps=home-template",
                "wipe.home-template.source=" + dir.resolve("no-template"));

        WipeStepResult result = new ConfiguredPrivacyWipe(config, () -> { }).run().get(0);

        assertFalse(result.ok());
        assertEquals("removed 0 entries; 1 failed: copying " + dir.resolve("no-template") + ": IOException: template "
                + dir.resolve("no-template") + " is not a directory", result.detail());
    }

    @Test
    void withATrashTheVisitorsFilesAreGoneAtOnceAndPurgedInTheBackground() throws Exception {
        HostileTree.build(dir);
        Path home = dir.resolve("home");
        Path trash = home.resolve(".digiclub-trash");
        // what an interrupted purge left behind
        Files.createDirectories(trash.resolve("0a1b2c3d-7/deep"));
        Files.writeString(trash.resolve("0a1b2c3d-7/deep/old.txt"), "left from a power cut");
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.trash=~/.digiclub-trash",
                "wipe.steps=downloads,documents,recent-files",
                "wipe.downloads.paths=~/Downloads",
                "wipe.documents.paths=~/Documents",
                "wipe.recent-files.paths=~/.local/share/recently-used.xbel");
        ConfiguredPrivacyWipe wipe = new ConfiguredPrivacyWipe(config, () -> { });

        List<WipeStepResult> results = wipe.run();

        assertOk(results.get(0), "downloads");
        assertOk(results.get(1), "documents");
        assertOk(results.get(2), "recent-files");
        assertEquals(List.of(), entries(home.resolve("Downloads")), "out of Downloads when run() returns");
        assertEquals(List.of(), entries(home.resolve("Documents")));

        WipeStepResult purge = wipe.purge().join();

        assertEquals(ConfiguredPrivacyWipe.TRASH_STEP, purge.step());
        assertTrue(purge.ok(), purge.toString());
        assertEquals(List.of(), entries(trash), "the trash is empty after the purge");
        assertEquals("keep-me\n", Files.readString(dir.resolve("outside/sentinel.txt")));
        assertEquals("inner\n", Files.readString(dir.resolve("outside/sentinel-dir/inner.txt")));
        assertEquals("someone-elses-history\n", Files.readString(dir.resolve("outside/chromium/Default/History")));
    }

    @Test
    void aTrashReplacedByALinkIsNotFollowed() throws Exception {
        HostileTree.build(dir);
        Path home = dir.resolve("home");
        Files.createSymbolicLink(home.resolve(".digiclub-trash"), dir.resolve("outside/sentinel-dir"));
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.trash=~/.digiclub-trash",
                "wipe.steps=downloads,documents",
                "wipe.downloads.paths=~/Downloads",
                "wipe.documents.paths=~/Documents");
        ConfiguredPrivacyWipe wipe = new ConfiguredPrivacyWipe(config, () -> { });

        assertOk(wipe.run().get(0), "downloads");
        assertTrue(wipe.purge().join().ok());

        assertTrue(Files.isDirectory(home.resolve(".digiclub-trash"), LinkOption.NOFOLLOW_LINKS), "a real directory now");
        assertEquals(List.of("inner.txt"), entries(dir.resolve("outside/sentinel-dir")));
        assertEquals(List.of(), entries(home.resolve("Downloads")));
    }

    @Test
    void clearingTheWholeHomeLeavesTheTrashInPlace() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "x");
        Files.createDirectories(home.resolve("Снимки/2024"));
        Files.writeString(home.resolve("Снимки/2024/море.jpg"), "jpg");
        Path template = Files.createDirectories(dir.resolve("template"));
        Files.writeString(template.resolve(".bashrc"), "# club\n");
        WipeConfig config = config(
                "wipe.visitor.home=" + home,
                "wipe.trash=~/.digiclub-trash",
                "wipe.steps=home-template",
                "wipe.home-template.source=" + template);
        ConfiguredPrivacyWipe wipe = new ConfiguredPrivacyWipe(config, () -> { });

        WipeStepResult result = wipe.run().get(0);
        WipeStepResult purge = wipe.purge().join();

        assertTrue(result.ok(), result.toString());
        assertTrue(purge.ok(), purge.toString());
        assertEquals(List.of(".bashrc", ".digiclub-trash"), entries(home));
        assertEquals(List.of(), entries(home.resolve(".digiclub-trash")));
    }

    @Test
    void withoutATrashThereIsNoPurge() {
        ConfiguredPrivacyWipe wipe = new ConfiguredPrivacyWipe(config("wipe.allowed-roots=" + dir, "wipe.steps=clipboard"), () -> { });
        wipe.run();
        assertEquals(null, wipe.purge().join());
    }

    private static void assertOk(WipeStepResult result, String step) {
        assertEquals(step, result.step());
        assertTrue(result.ok(), result.toString());
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private WipeConfig config(String... lines) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(String.join("\n", lines)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return WipeConfig.parse(props, dir.resolve("kiosk.properties"));
    }
}
