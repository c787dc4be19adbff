package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.visitor.MountTable.Mount;
import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's home on a size-capped tmpfs of its own, as the installer sets it up: what the
 * visitor writes stays in the cap (the disk beneath gets nothing), and every reset restores the
 * template in place, leaving the mount where it is, the visitor's, mode 0700 — without a warning
 * each time. Runs as root.
 */
class VisitorHomeOnTmpfsTest {
    private static final long CAP = 8L * 1024 * 1024;

    @TempDir
    Path dir;

    private PosixAccount account;
    private Path home;
    private Path template;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger homeLog = (Logger) LoggerFactory.getLogger(HomeReset.class);

    @BeforeEach
    void setUp() throws Exception {
        account = TestAccount.get();
        TestAccount.traversable(dir);
        home = Files.createDirectory(dir.resolve("home"));
        // as a mount unit makes it: root's, 0755; the first reset gives it to the visitor
        assertEquals(
                0,
                TestAccount.run(List.of(
                        "mount",
                        "-t",
                        "tmpfs",
                        "-o",
                        "size=8m,mode=0755,nosuid,nodev",
                        "visitor-home",
                        home.toString())));
        template = Files.createDirectories(dir.resolve("template/.config/digiclub"));
        template = dir.resolve("template");
        Files.writeString(template.resolve(".bashrc"), "# club default\n");
        Files.writeString(template.resolve(".config/digiclub/bookmarks.html"), "<a href='https://egov.bg'>egov</a>\n");
        log.start();
        homeLog.addAppender(log);
    }

    @AfterEach
    void tearDown() throws Exception {
        homeLog.detachAppender(log);
        new AccountProcesses(account).endAll();
        TestAccount.run(List.of("umount", "-l", home.toString()));
    }

    @Test
    void theVisitorFillsOnlyItsCapAndEveryResetRestoresTheTemplateOnTheSameMount() throws Exception {
        Mount mount = mountOfHome();
        LinuxVisitorAccount visitor = account();

        List<WipeStepResult> first = visitor.reset();

        assertTrue(first.stream().allMatch(WipeStepResult::ok), first.toString());
        assertEquals(
                "deleted 0 entries, copied 4 from " + template
                        + " (in place: the home is a mount point, tmpfs visitor-home)",
                first.get(1).detail());
        assertHomeIsTheTemplateOn(mount);

        IOException full = assertThrows(
                IOException.class,
                () -> TestAccount.shAs(
                        account, home, "mkdir -p Downloads && dd if=/dev/zero of=Downloads/film.mkv bs=1M count=64"));
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        Path film = home.resolve("Downloads/film.mkv");
        assertTrue(Files.size(film) <= CAP, Files.size(film) + " bytes");
        assertTrue(Files.size(film) > CAP / 2, "the visitor did fill the home: " + Files.size(film) + " bytes");
        assertEquals(device(home), device(film), "written on the tmpfs");
        assertNotEquals(device(dir), device(film), "not on the disk beneath");

        List<WipeStepResult> second = visitor.reset();

        assertTrue(second.stream().allMatch(WipeStepResult::ok), second.toString());
        assertTrue(
                second.get(1).detail().startsWith("deleted 6 entries, copied 4 "),
                second.get(1).detail());
        assertHomeIsTheTemplateOn(mount);
        assertFalse(
                Files.exists(HomeReset.holdingDirectory(home), LinkOption.NOFOLLOW_LINKS),
                "nothing built or held on the disk beside the home");
        assertEquals(List.of(), warnings(), "a home that is a mount point is no reason to warn at every reset");
    }

    @Test
    void aHomeMountedAfterTheFirstLookWarnsOnceThenGoesInPlaceQuietly() throws Exception {
        // the mount table read at the first reset does not show the mount (as if mounted later)
        Path emptyTable = Files.writeString(dir.resolve("mountinfo"), "");
        HomeReset reset = new HomeReset(account, home, template, true, emptyTable);

        List<WipeStepResult> first = reset.reset();
        List<WipeStepResult> second = reset.reset();

        assertTrue(first.get(0).ok() && second.get(0).ok(), first + " " + second);
        assertTrue(
                first.get(0).detail().contains("(in place: Device or resource busy)"),
                first.get(0).detail());
        assertTrue(
                second.get(0).detail().contains("(in place: the home cannot be renamed: Device or resource busy)"),
                second.get(0).detail());
        assertEquals(1, warnings().size(), warnings().toString());
        assertHomeIsTheTemplateOn(mountOfHome());
    }

    private LinuxVisitorAccount account() {
        return new LinuxVisitorAccount(
                account,
                home,
                template,
                List.of(),
                List.of(),
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "C.UTF-8", false),
                true);
    }

    private void assertHomeIsTheTemplateOn(Mount mount) throws IOException {
        Mount now = mountOfHome();
        assertEquals(mount.id(), now.id(), "the same mount");
        assertEquals("tmpfs", now.type());
        assertTrue(now.superOptions().contains("size=8192k"), now.superOptions());
        assertEquals(account.uid(), TestAccount.uid(home));
        assertEquals(account.gid(), TestAccount.gid(home));
        assertEquals(0700, TestAccount.mode(home));
        try (Stream<Path> s = Files.walk(home)) {
            assertEquals(
                    List.of("", ".bashrc", ".config", ".config/digiclub", ".config/digiclub/bookmarks.html"),
                    s.map(p -> home.relativize(p).toString()).sorted().toList());
        }
        assertEquals("# club default\n", Files.readString(home.resolve(".bashrc")));
        assertEquals(account.uid(), TestAccount.uid(home.resolve(".config/digiclub/bookmarks.html")));
    }

    private Mount mountOfHome() throws IOException {
        return MountTable.at(MountTable.read(), home).orElseThrow(() -> new AssertionError(home + " is not mounted"));
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static long device(Path p) throws IOException {
        return (Long) Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    }
}
