package bg.digiclub.installer.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The visitor's home on a size-capped tmpfs: the unit {@code home-digiclub\x2dvisitor.mount},
 * pulled in by the agent's {@code RequiresMountsFor=}. Its name holds a backslash (systemd's
 * escape of "-"), which jar tools take for a directory separator, so the unit is not in a payload
 * manifest: this class lays it out from its own resource ({@code visitor-home.mount} beside it),
 * checks it like a payload file, and checks on the running PC that the home really is that tmpfs.
 */
public final class VisitorHomeMount {
    /** systemd's name for the mount of {@link Accounts#VISITOR_HOME} ("-" is escaped as \x2d). */
    public static final String UNIT_NAME = "home-digiclub\\x2dvisitor.mount";

    public static final String UNIT = "/etc/systemd/system/" + UNIT_NAME;
    private static final String RESOURCE = "visitor-home.mount";

    /** One mount of /proc/self/mountinfo: where, the filesystem type and its options. */
    public record Mount(String mountPoint, String type, String superOptions) {
        /** The {@code size=} option, as the kernel shows it ({@code 1048576k}); empty if none. */
        public Optional<String> size() {
            for (String o : superOptions.split(",")) {
                if (o.startsWith("size=")) {
                    return Optional.of(o.substring("size=".length()));
                }
            }
            return Optional.empty();
        }
    }

    private VisitorHomeMount() {}

    /**
     * The last mount at {@code mountPoint} in mountinfo lines (the one on top), if any. Fields:
     * id, parent, major:minor, root, mount point, options, optional fields..., "-", type, source,
     * super options; the mount point escapes space, tab, newline and backslash as octal.
     */
    public static Optional<Mount> parse(List<String> mountinfo, String mountPoint) {
        Mount found = null;
        for (String line : mountinfo) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 10 || dash < 6 || dash + 3 >= f.length) {
                continue;
            }
            String where = unescape(f[4]);
            if (where.equals(mountPoint)) {
                found = new Mount(where, f[dash + 1], f[dash + 3]);
            }
        }
        return Optional.ofNullable(found);
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The unit as this installer lays it out. */
    public static byte[] unit() throws IOException {
        try (InputStream in = VisitorHomeMount.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the installer has no " + RESOURCE + " among its resources (a broken build)");
            }
            return in.readAllBytes();
        }
    }

    /** Lays out the unit (root's, 0644); answers whether it changed. */
    static boolean layOut(Tree tree, Journal journal) throws IOException {
        int before = journal.changes().size();
        tree.file(UNIT, unit(), 0644, "root", "root");
        return journal.changes().size() > before;
    }

    /**
     * {@code verify}'s findings: the unit missing, changed or not root's 0644; on the running PC,
     * whether the home is mounted as that tmpfs.
     */
    static List<Verifier.Finding> check(Target target) throws IOException {
        List<Verifier.Finding> findings = new ArrayList<>();
        Path unit = target.resolve(UNIT);
        String reinstall = "digiclub-installer upgrade (lays out every file again, keeps config and data)";
        if (!Files.isRegularFile(unit, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(new Verifier.Finding(
                    true, UNIT + " is missing: the agent does not start without the visitor's home", reinstall));
        } else {
            if (!Arrays.equals(unit(), Files.readAllBytes(unit))) {
                findings.add(new Verifier.Finding(
                        true,
                        UNIT + " differs from what this installer lays out (edited, or another " + "version)",
                        reinstall + "; another size belongs in a drop-in (systemctl edit '" + UNIT_NAME + "')"));
            }
            int mode = Tree.mode(unit);
            int uid = (Integer) Files.getAttribute(unit, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = (Integer) Files.getAttribute(unit, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            if (mode != 0644 || uid != 0 || gid != 0) {
                findings.add(new Verifier.Finding(
                        true,
                        String.format("%s is mode %04o owned by %d:%d, should be 0644 root:root", UNIT, mode, uid, gid),
                        "chown root:root '" + unit + "'; chmod 0644 '" + unit + "'"));
            }
        }
        if (target.systemdRunning()) {
            findings.addAll(mounted());
        } else if (target.isLiveSystem()) {
            findings.add(new Verifier.Finding(
                    false,
                    "systemd is not running here (a chroot or an image?): whether " + Accounts.VISITOR_HOME
                            + " is its tmpfs was not checked",
                    "boot the PC, then digiclub-installer verify again"));
        }
        return findings;
    }

    private static List<Verifier.Finding> mounted() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);
        Optional<Mount> home = parse(lines, Accounts.VISITOR_HOME);
        String fix = "systemctl start '" + UNIT_NAME + "' (journalctl -u '" + UNIT_NAME + "' says why it is not), "
                + "then systemctl restart digiclub-agent";
        if (home.isEmpty()) {
            return List.of(new Verifier.Finding(
                    true,
                    Accounts.VISITOR_HOME + " is not mounted: the visitor's files go to "
                            + "the disk and nothing caps their size",
                    fix));
        }
        if (!home.get().type().equals("tmpfs")) {
            return List.of(new Verifier.Finding(
                    true,
                    Accounts.VISITOR_HOME + " is a " + home.get().type() + " mount, not the tmpfs of " + UNIT_NAME,
                    fix));
        }
        return List.of(new Verifier.Finding(
                false,
                "the visitor's home is a tmpfs of " + home.get().size().orElse("unlimited size (half the memory)"),
                ""));
    }
}
