package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import bg.digiclub.common.config.ConfigException;

/**
 * The one place that picks this PC's {@link VisitorAccount}: Linux with {@code visitor.account}
 * set, checked against the PC now (a mistake stops the agent with a message naming the file and
 * the key); {@code visitor.demo} on a developer's machine; otherwise one that reports every reset
 * as failed.
 */
public final class VisitorAccounts {
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final List<Path> LSBLK = List.of(Path.of("/usr/bin/lsblk"), Path.of("/bin/lsblk"));

    private VisitorAccounts() {}

    /**
     * The visitor account of this PC. A Linux account also starts deleting, in the background,
     * whatever a reset cut short (power loss) left.
     *
     * @param settings         the {@code visitor.*} keys
     * @param source           the configuration file they were read from, for messages
     * @param agentDirectories the agent's own directories, which the visitor's must not overlap
     * @throws ConfigException when the configured account, home or template is missing or unsafe
     */
    public static VisitorAccount forThisPc(VisitorSettings settings, String source, List<Path> agentDirectories) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(source, "source");
        if (settings.demo()) {
            return new DemoVisitorAccount();
        }
        if (settings.account() == null) {
            return new UnsupportedVisitorAccount("no visitor account configured (visitor.account in " + source + ")");
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            throw ConfigException.atKey(
                    source,
                    "visitor.account",
                    "is supported on Linux only (this is " + System.getProperty("os.name") + ")");
        }
        LinuxVisitorAccount account = linux(settings, source, List.copyOf(agentDirectories), true);
        account.purgeLeftovers();
        return account;
    }

    /**
     * What mounts the visitor's USB sticks while a session is open, not yet started: only for the
     * Linux account, with {@code visitor.media-automount} on and lsblk and udisksctl installed;
     * empty (and said in the log) otherwise, and always for the demo and an unsupported PC.
     */
    public static Optional<MediaAutomount> mediaAutomount(VisitorSettings settings, VisitorAccount visitor) {
        if (!(visitor instanceof LinuxVisitorAccount linux) || !settings.mediaAutomount()) {
            return Optional.empty();
        }
        Optional<Path> lsblk = LSBLK.stream().filter(Files::isExecutable).findFirst();
        Optional<Path> udisksctl = RemovableMedia.installedUdisksctl();
        if (lsblk.isEmpty() || udisksctl.isEmpty()) {
            LoggerFactory.getLogger(VisitorAccounts.class)
                    .warn(
                            "USB sticks are not mounted for the visitor: {} is not installed"
                                    + " (visitor.media-automount)",
                            lsblk.isEmpty() ? "lsblk (util-linux)" : "udisksctl (udisks2)");
            return Optional.empty();
        }
        return Optional.of(new MediaAutomount(
                lsblk.get(), udisksctl.get(), linux::toolCommand, settings.mediaDirs(), MediaAutomount.MOUNT_TIMEOUT));
    }

    /** Checks the settings against this PC and makes the account; {@code agentDirs} must stay out of the home. */
    static LinuxVisitorAccount linux(
            VisitorSettings settings, String source, List<Path> agentDirs, boolean renameAside) {
        PosixAccount account = lookUp(settings.account(), source);
        if (account.uid() == 0) {
            throw bad(
                    source, "visitor.account", settings.account(), "is root; the visitor needs an account of its own");
        }
        int agentUid = ownUid();
        if (agentUid != 0) {
            throw bad(
                    source,
                    "visitor.account",
                    settings.account(),
                    "needs the agent to run as root (to end its programs and reset its home); it runs as uid "
                            + agentUid);
        }
        String homeKey = settings.home() == null ? "visitor.account" : "visitor.home";
        Path home = settings.home() != null ? settings.home() : account.home();
        checkHome(source, homeKey, home, account, agentDirs);
        checkTemplate(source, settings.homeTemplate(), home, account);
        for (Path dir : settings.tempDirs()) {
            if (dir.equals(home.getParent()) || dir.startsWith(home) || home.equals(dir)) {
                throw bad(
                        source,
                        "visitor.temp-dirs",
                        dir.toString(),
                        "must not be the visitor's home, inside it, or the directory holding it");
            }
        }
        for (Path dir : settings.mediaDirs()) {
            // the home may be a tmpfs of its own: below a media directory it would be unmounted at every reset
            if (dir.startsWith(home) || home.startsWith(dir)) {
                throw bad(
                        source,
                        "visitor.media-dirs",
                        dir.toString(),
                        "must not be the visitor's home, inside it, or hold it");
            }
        }
        if (settings.xauthority() != null
                && (settings.xauthority().startsWith(home)
                        || settings.xauthority().equals(home.getParent()))) {
            // the visitor could put a trusted cookie (or anything) there; the session makes it elsewhere
            throw bad(
                    source,
                    "visitor.xauthority",
                    settings.xauthority().toString(),
                    "must not be in the visitor's home");
        }
        return new LinuxVisitorAccount(
                account,
                home,
                settings.homeTemplate(),
                settings.tempDirs(),
                settings.mediaDirs(),
                new LinuxVisitorAccount.Environment(
                        settings.path(), settings.lang(), settings.supplementaryGroups(), settings.xauthority()),
                renameAside);
    }

    private static PosixAccount lookUp(String name, String source) {
        Optional<PosixAccount> account;
        try {
            account = PosixAccount.lookup(name);
        } catch (IOException e) {
            throw new ConfigException(
                    source + ": key 'visitor.account': cannot look up '" + name + "': " + e.getMessage(), e);
        }
        return account.orElseThrow(
                () -> bad(source, "visitor.account", name, "is not an account on this PC (create it, e.g. useradd)"));
    }

    private static void checkHome(String source, String key, Path home, PosixAccount account, List<Path> agentDirs) {
        if (!home.isAbsolute() || home.getParent() == null) {
            throw bad(
                    source,
                    key,
                    home.toString(),
                    "the visitor's home must be an absolute path below the root directory");
        }
        for (Path dir : agentDirs) {
            Path d = dir.toAbsolutePath().normalize();
            if (d.startsWith(home) || home.startsWith(d)) {
                throw bad(
                        source,
                        key,
                        home.toString(),
                        "overlaps the agent's own directory " + d + "; a reset would delete it");
            }
        }
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(home, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isDirectory() || attrs.isSymbolicLink()) {
                throw bad(
                        source,
                        key,
                        home.toString(),
                        "the visitor's home is not a directory (a link or a file); name the real directory");
            }
        } catch (NoSuchFileException e) {
            // made by the first reset
        } catch (IOException e) {
            throw bad(source, key, home.toString(), "cannot look at the visitor's home: " + Tally.reason(e));
        }
        Path parent = home.getParent();
        try {
            if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS) || !parent.equals(parent.toRealPath())) {
                throw bad(source, key, home.toString(), parent + " must be a real directory, not a link");
            }
            int owner = (Integer) Files.getAttribute(parent, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(parent, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (owner != 0 || (mode & GROUP_OR_OTHER_WRITE) != 0) {
                // the old home is renamed aside there: the visitor must not be able to make or replace names in it
                throw bad(
                        source,
                        key,
                        home.toString(),
                        "its parent " + parent + " must be root's and writable by root only (is uid " + owner
                                + ", mode " + String.format(Locale.ROOT, "%o", mode & 07777) + ")");
            }
        } catch (IOException e) {
            throw bad(source, key, home.toString(), "cannot look at " + parent + ": " + Tally.reason(e));
        }
    }

    /** The template must be the administrator's alone: what the visitor could change there, every next visitor would get. */
    private static void checkTemplate(String source, Path template, Path home, PosixAccount account) {
        String key = "visitor.home-template";
        if (template.startsWith(home) || home.startsWith(template)) {
            throw bad(source, key, template.toString(), "must be outside the visitor's home " + home);
        }
        if (!Files.isDirectory(template, LinkOption.NOFOLLOW_LINKS)) {
            throw bad(source, key, template.toString(), "is not a directory");
        }
        try {
            Files.walkFileTree(template, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    check(dir, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    check(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                private void check(Path p, BasicFileAttributes attrs) throws IOException {
                    int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                    if (owner == account.uid()) {
                        throw bad(
                                source,
                                key,
                                template.toString(),
                                p + " belongs to the visitor account; the template must be root's");
                    }
                    if (!attrs.isSymbolicLink() && (mode & GROUP_OR_OTHER_WRITE) != 0) {
                        throw bad(source, key, template.toString(), p + " is writable by others than its owner");
                    }
                }
            });
        } catch (IOException e) {
            throw bad(source, key, template.toString(), "cannot read the template: " + Tally.reason(e));
        }
    }

    private static int ownUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new ConfigException("cannot tell which account the agent runs as: " + Tally.reason(e), e);
        }
    }

    private static ConfigException bad(String source, String key, String value, String what) {
        return ConfigException.atKey(source, key, what + " (was '" + value + "')");
    }
}
