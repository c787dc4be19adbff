package bg.digiclub.agent.visitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import bg.digiclub.common.config.ConfigProperties;

/**
 * The {@code visitor.*} section of the agent's configuration: the visitor's OS account, which the
 * agent ends, resets and starts programs as. Only the values are checked here;
 * {@link VisitorAccounts#forThisPc} checks them against the PC (the account
 * exists, the home's parent and the template are safe) at start-up.
 *
 * @param account             the account's name; null when this PC has none (development, demo):
 *                            then every reset is reported as failed
 * @param home                its home; null for the one in the password database
 * @param homeTemplate        what a reset home contains (a copy of this directory)
 * @param tempDirs            directories every account may write (/tmp ...): the visitor's top-level
 *                            entries there go at every reset too
 * @param mediaDirs           where the visitor's removable media are mounted (by default
 *                            {@code /media/<account>} and {@code /run/media/<account>}): everything
 *                            mounted below them is unmounted at every reset; empty for none
 * @param path                PATH of the programs started as the visitor
 * @param lang                LANG of the programs started as the visitor
 * @param supplementaryGroups programs get the account's supplementary groups (e.g. audio)
 * @param demo                a developer's machine or a demo: nothing is ended, reset or started,
 *                            and the reset is reported as a demo (never set on a club PC)
 * @param xauthority          the visitor's untrusted X cookie file, given to every visitor program as
 *                            XAUTHORITY (the session makes it, docs/security.md); null: none is given
 * @param mediaAutomount      while a session is open, the agent mounts the USB sticks, cards and CDs the
 *                            visitor plugs in, as the visitor through udisks ({@link MediaAutomount});
 *                            default true, false by default when {@code mediaDirs} is empty (the reset
 *                            would not unmount them), and refused then
 */
public record VisitorSettings(
        String account,
        Path home,
        Path homeTemplate,
        List<Path> tempDirs,
        List<Path> mediaDirs,
        String path,
        String lang,
        boolean supplementaryGroups,
        boolean demo,
        Path xauthority,
        boolean mediaAutomount) {
    public static final Path DEFAULT_TEMPLATE = Path.of("/etc/skel");
    public static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    public static final String DEFAULT_LANG = "bg_BG.UTF-8";
    public static final List<Path> DEFAULT_TEMP_DIRS =
            List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

    public VisitorSettings {
        tempDirs = List.copyOf(tempDirs);
        mediaDirs = List.copyOf(mediaDirs);
    }

    /** Where udisks mounts what {@code account} plugs in: {@code /media/<account>} (Debian), {@code /run/media/<account>}. */
    public static List<Path> defaultMediaDirs(String account) {
        return List.of(Path.of("/media", account), Path.of("/run/media", account));
    }

    private static final Pattern LANG = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    public Optional<String> accountName() {
        return Optional.ofNullable(account);
    }

    /** The agent's {@code AgentConfig} calls this while reading the agent's configuration. */
    public static VisitorSettings read(ConfigProperties c) {
        Optional<String> account = c.string("visitor.account");
        if (account.isPresent() && !PosixAccount.isValidName(account.get())) {
            throw c.bad("visitor.account", account.get(), "is not an account name (lower-case letters, digits, _ . -)");
        }
        Path home = absolute(c, "visitor.home").orElse(null);
        if (home != null && home.getParent() == null) {
            throw c.bad("visitor.home", home.toString(), "cannot be the root directory");
        }
        if (home != null && account.isEmpty()) {
            throw c.bad("visitor.home", home.toString(), "is set but visitor.account is not; set both or neither");
        }
        Path template = absolute(c, "visitor.home-template").orElse(DEFAULT_TEMPLATE);
        List<Path> tempDirs = directories(c, "visitor.temp-dirs").orElse(DEFAULT_TEMP_DIRS);
        Optional<List<Path>> media = directories(c, "visitor.media-dirs");
        if (media.isPresent() && !media.get().isEmpty() && account.isEmpty()) {
            throw c.bad(
                    "visitor.media-dirs",
                    c.string("visitor.media-dirs").orElseThrow(),
                    "is set but visitor.account is not; set both or neither");
        }
        List<Path> mediaDirs =
                media.orElse(account.map(VisitorSettings::defaultMediaDirs).orElse(List.of()));
        String path = c.string("visitor.path", DEFAULT_PATH);
        for (String dir : path.split(":", -1)) {
            if (!dir.startsWith("/") || dir.contains("/../") || dir.endsWith("/..")) {
                throw c.bad("visitor.path", path, "must be absolute directories separated by ':'");
            }
        }
        String lang = c.string("visitor.lang", DEFAULT_LANG);
        if (!LANG.matcher(lang).matches()) {
            throw c.bad("visitor.lang", lang, "is not a locale name such as bg_BG.UTF-8");
        }
        Path xauthority = absolute(c, "visitor.xauthority").orElse(null);
        if (xauthority != null && account.isEmpty()) {
            throw c.bad(
                    "visitor.xauthority",
                    xauthority.toString(),
                    "is set but visitor.account is not; set both or neither");
        }
        if (xauthority != null && xauthority.getParent() == null) {
            throw c.bad("visitor.xauthority", xauthority.toString(), "must be a file, not the root directory");
        }
        boolean groups = c.bool("visitor.supplementary-groups", true);
        boolean demo = c.bool("visitor.demo", false);
        if (demo && account.isPresent()) {
            throw c.bad(
                    "visitor.demo", "true", "is for machines without a visitor account; remove it or visitor.account");
        }
        boolean automount =
                c.bool("visitor.media-automount", !media.map(List::isEmpty).orElse(false));
        if (automount && media.isPresent() && media.get().isEmpty()) {
            throw c.bad(
                    "visitor.media-automount",
                    "true",
                    "needs visitor.media-dirs: the reset unmounts the visitor's media"
                            + " only there (visitor.media-dirs is none)");
        }
        return new VisitorSettings(
                account.orElse(null),
                home,
                template,
                tempDirs,
                mediaDirs,
                path,
                lang,
                groups,
                demo,
                xauthority,
                automount);
    }

    /** A comma-separated list of absolute directories (not /), or {@code none}; empty when the key is unset. */
    private static Optional<List<Path>> directories(ConfigProperties c, String key) {
        Optional<List<String>> listed = c.optionalList(key);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        if (listed.get().equals(List.of("none"))) {
            return Optional.of(List.of());
        }
        List<Path> dirs = new ArrayList<>();
        for (String d : listed.get()) {
            if (!d.startsWith("/") || d.contains("/..") || Path.of(d).getParent() == null) {
                throw c.bad(
                        key,
                        String.join(",", listed.get()),
                        "must be absolute directories (not /) separated by commas, or none");
            }
            dirs.add(Path.of(d).normalize());
        }
        return Optional.of(dirs);
    }

    /** An absolute path without {@code ..} (checked as written, before anything is resolved). */
    private static Optional<Path> absolute(ConfigProperties c, String key) {
        Optional<String> raw = c.string(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Path p = c.path(key).orElseThrow();
        if (!raw.get().startsWith("/")) {
            throw c.bad(key, raw.get(), "must be an absolute path");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw c.bad(key, raw.get(), "contains '..'; name the directory directly");
            }
        }
        return Optional.of(p.normalize());
    }
}
