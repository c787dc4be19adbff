package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.link.WipeStepResult;

/**
 * Resetting the visitor's whole home: every trace the old list-of-folders wipe left (issue 9's
 * sweep) planted by the visitor account itself, links pointing out that must not be followed,
 * a program still running in the home. Runs as root.
 */
class VisitorHomeResetTest {
    /** Planted by the visitor, in its home: what a visitor leaves, and what the old wipe missed. */
    private static final String TRACES = String.join(
            "\n",
            "mkdir -p .pki/nssdb && echo cert > .pki/nssdb/cert9.db && echo key > .pki/nssdb/key4.db",
            "echo 'ssh secret@host' > .bash_history",
            "mkdir -p .local/share/Trash/files .local/share/Trash/info && echo deleted > .local/share/Trash/files/егн.pdf",
            "mkdir -p .cache/thumbnails/normal && echo png > .cache/thumbnails/normal/0123abcd.png",
            "mkdir -p .config/chromium/Default && echo pw > '.config/chromium/Default/Login Data' && echo c > .config/chromium/Default/Cookies",
            "mkdir -p .mozilla/firefox/abc.default && echo pw > .mozilla/firefox/abc.default/logins.json",
            "mkdir -p .thunderbird/xyz.default/Mail && echo mail > .thunderbird/xyz.default/Mail/Inbox",
            "mkdir -p .ssh && echo key > .ssh/id_ed25519 && chmod 600 .ssh/id_ed25519",
            "echo cv > 'CV Иван.docx' && echo scan > scan.pdf",
            "echo x > .profile && echo alias > .bashrc-visitor",
            "mkdir -p Downloads && echo d > Downloads/boarding-pass.pdf",
            "ln -s ../outside/sentinel.txt link-to-sentinel-file",
            "ln -s ../outside/sentinel-dir link-to-sentinel-dir",
            "ln -s ../outside .cache/up",
            "mkdir locked && echo secret > locked/secret.txt && chmod 000 locked",
            "mkdir readonly && echo a > readonly/a.txt && chmod 500 readonly",
            "mkfifo pipe",
            "");

    @TempDir
    Path dir;

    private PosixAccount account;
    private Path home;
    private Path template;
    private Path outside;
    private Path sharedTmp;

    @BeforeEach
    void setUp() throws Exception {
        account = TestAccount.get();
        TestAccount.traversable(dir);
        home = Files.createDirectory(dir.resolve("home"));
        Files.setAttribute(home, "unix:uid", account.uid());
        Files.setAttribute(home, "unix:gid", account.gid());
        template = Files.createDirectories(dir.resolve("template/.config/digiclub"));
        template = dir.resolve("template");
        Files.writeString(template.resolve(".bashrc"), "# club default\n");
        Files.writeString(template.resolve(".config/digiclub/bookmarks.html"), "<a href='https://egov.bg'>egov</a>\n");
        Files.createDirectory(template.resolve("Изтегляния"));
        Files.createSymbolicLink(template.resolve("Downloads"), Path.of("Изтегляния"));
        outside = Files.createDirectories(dir.resolve("outside/sentinel-dir"));
        outside = dir.resolve("outside");
        Files.writeString(outside.resolve("sentinel.txt"), "keep-me");
        Files.writeString(outside.resolve("sentinel-dir/inner.txt"), "inner");
        TestAccount.shAs(account, home, TRACES);
        // a /tmp of its own: the visitor's entries go, root's stay
        sharedTmp = Files.createDirectory(dir.resolve("tmp"));
        Files.setPosixFilePermissions(sharedTmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(sharedTmp.resolve("roots-own.txt"), "root's");
        TestAccount.shAs(
                account,
                sharedTmp,
                "echo pdf > download-егн.pdf && mkdir -p .org.chromium.Chromium.x/s && echo x > .org.chromium.Chromium.x/s/f"
                        + " && ln -s " + outside.resolve("sentinel.txt")
                        + " link-out && mkdir locked && chmod 000 locked");
    }

    @AfterEach
    void tearDown() {
        new AccountProcesses(account).endAll();
    }

    @Test
    void wholeHomeIsReplacedByTheTemplateAndTheOldOneDeletedInTheBackground() throws Exception {
        // a program of the visitor still running in its home, writing
        TestAccount.startAs(account, home, "while :; do date >> still-writing.txt; sleep 0.01; done");
        // running as the visitor before the reset looks: setpriv switches to it after start() returns
        TestAccount.awaitFile(home.resolve("still-writing.txt"));
        LinuxVisitorAccount visitor = account(true);

        List<WipeStepResult> results = visitor.reset();

        assertEquals(3, results.size(), results.toString());
        assertTrue(results.get(0).ok(), results.get(0).toString());
        assertEquals(VisitorAccount.HOME_STEP, results.get(1).step());
        assertTrue(results.get(1).ok(), results.get(1).toString());
        assertEquals(SharedTempDirs.STEP, results.get(2).step());
        assertTrue(results.get(2).ok(), results.get(2).toString());
        assertEquals(List.of("roots-own.txt"), names(sharedTmp), "only the visitor's entries of a shared temp dir go");
        assertHomeIsTheTemplate();
        WipeStepResult purge = visitor.purge().join();
        assertTrue(purge.ok(), purge.toString());
        Path holding = HomeReset.holdingDirectory(home);
        assertEquals(List.of(), names(holding));
        assertEquals(0, TestAccount.uid(holding));
        assertEquals(0700, TestAccount.mode(holding));
        assertOutsideUntouched();
    }

    @Test
    void aHomeThatCannotBeRenamedIsClearedInPlace() throws Exception {
        LinuxVisitorAccount visitor = account(false);

        List<WipeStepResult> results = visitor.reset();

        assertTrue(results.stream().allMatch(WipeStepResult::ok), results.toString());
        assertHomeIsTheTemplate();
        assertOutsideUntouched();
    }

    @Test
    void aHoldingDirectoryThatCannotBeMadeFallsBackToDeletingInPlace() throws Exception {
        Files.writeString(HomeReset.holdingDirectory(home), "a file where the holding directory goes");

        List<WipeStepResult> results = account(true).reset();

        assertTrue(results.stream().allMatch(WipeStepResult::ok), results.toString());
        assertTrue(
                results.get(1).detail().contains("(in place: "), results.get(1).detail());
        assertHomeIsTheTemplate();
        assertOutsideUntouched();
    }

    @Test
    void twoResetsInARowLeaveTheTemplateAndNothingHeld() throws Exception {
        LinuxVisitorAccount visitor = account(true);
        assertTrue(visitor.reset().stream().allMatch(WipeStepResult::ok));
        TestAccount.shAs(account, home, "echo again > .bash_history && mkdir -p .ssh && echo k > .ssh/id_rsa");

        List<WipeStepResult> second = visitor.reset();

        assertTrue(second.stream().allMatch(WipeStepResult::ok), second.toString());
        assertHomeIsTheTemplate();
        visitor.purge().join();
        assertEquals(List.of(), names(HomeReset.holdingDirectory(home)));
    }

    @Test
    void aMissingHomeIsMade() throws Exception {
        LinuxVisitorAccount visitor = account(true);
        visitor.reset();
        visitor.purge().join();
        Files.move(home, dir.resolve("elsewhere"));

        List<WipeStepResult> results = visitor.reset();

        assertTrue(results.get(1).ok(), results.toString());
        assertTrue(
                results.get(1).detail().contains("there was no home"),
                results.get(1).detail());
        assertHomeIsTheTemplate();
    }

    @Test
    void whenTheTemplateCannotBeCopiedTheOldHomeStillGoesAndTheStepFails() throws Exception {
        LinuxVisitorAccount visitor = account(true);
        Files.move(template, dir.resolve("template-gone"));

        List<WipeStepResult> results = visitor.reset();

        WipeStepResult home = results.get(1);
        assertFalse(home.ok(), home.toString());
        assertTrue(home.detail().contains("not copied") && home.detail().contains("the home is empty"), home.detail());
        assertEquals(List.of(), names(this.home));
        assertEquals(account.uid(), TestAccount.uid(this.home));
        assertEquals(0700, TestAccount.mode(this.home));
        assertTrue(visitor.purge().join().ok());
        assertEquals(List.of(), names(HomeReset.holdingDirectory(this.home)));
        assertOutsideUntouched();
    }

    @Test
    void leftoversOfAnInterruptedResetAreDeletedAtStart() throws Exception {
        Path holding = Files.createDirectory(HomeReset.holdingDirectory(home));
        Files.move(home, holding.resolve("old-cut0ff"));
        Files.createDirectories(holding.resolve("new-halfmade/.config"));
        Files.createSymbolicLink(holding.resolve("new-halfmade/out"), outside);

        WipeStepResult purge = account(true).purgeLeftovers().join();

        assertTrue(purge.ok(), purge.toString());
        assertEquals(List.of(), names(holding));
        assertOutsideUntouched();
    }

    private LinuxVisitorAccount account(boolean renameAside) {
        return new LinuxVisitorAccount(
                account,
                home,
                template,
                List.of(sharedTmp),
                List.of(),
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "C.UTF-8", false),
                renameAside);
    }

    private void assertHomeIsTheTemplate() throws IOException {
        assertTrue(Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS));
        assertEquals(account.uid(), TestAccount.uid(home));
        assertEquals(account.gid(), TestAccount.gid(home));
        assertEquals(0700, TestAccount.mode(home));
        assertEquals(tree(template).keySet(), tree(home).keySet(), "the home holds exactly the template");
        for (Map.Entry<String, Path> e : tree(home).entrySet()) {
            assertEquals(account.uid(), TestAccount.uid(e.getValue()), e.getKey());
            assertEquals(account.gid(), TestAccount.gid(e.getValue()), e.getKey());
        }
        assertEquals("# club default\n", Files.readString(home.resolve(".bashrc")));
        assertEquals(Path.of("Изтегляния"), Files.readSymbolicLink(home.resolve("Downloads")));
    }

    private void assertOutsideUntouched() throws IOException {
        assertEquals("keep-me", Files.readString(outside.resolve("sentinel.txt")));
        assertEquals("inner", Files.readString(outside.resolve("sentinel-dir/inner.txt")));
        assertEquals(0, TestAccount.uid(outside.resolve("sentinel.txt")));
    }

    /** Every entry under {@code root}, by relative name, links not followed. */
    private static Map<String, Path> tree(Path root) throws IOException {
        Map<String, Path> entries = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root))
                    .forEach(p -> entries.put(root.relativize(p).toString(), p));
        }
        return entries;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
