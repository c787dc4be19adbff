package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The visitor's home on a size-capped tmpfs ({@code home-digiclub\x2dvisitor.mount} in the
 * payload, pulled in by the agent's {@code RequiresMountsFor=}). The files are the payload's; this
 * class checks, on the running PC, that the home really is that tmpfs.
 */
public final class VisitorHomeMount {
    /** systemd's name for the mount of {@link Accounts#VISITOR_HOME} ("-" is escaped as \x2d). */
    public static final String UNIT_NAME = "home-digiclub\\x2dvisitor.mount";

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

    private VisitorHomeMount() {
    }

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

    /** {@code verify}'s finding on the running PC; nothing for a directory tree. */
    static List<Verifier.Finding> check(Target target) throws IOException {
        if (!target.isLiveSystem()) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);
        Optional<Mount> home = parse(lines, Accounts.VISITOR_HOME);
        String fix = "systemctl start '" + UNIT_NAME + "' (journalctl -u '" + UNIT_NAME + "' says why it is not), "
                + "then systemctl restart digiclub-agent";
        if (home.isEmpty()) {
            return List.of(new Verifier.Finding(true, Accounts.VISITOR_HOME + " is not mounted: the visitor's files go to "
                    + "the disk and nothing caps their size", fix));
        }
        if (!home.get().type().equals("tmpfs")) {
            return List.of(new Verifier.Finding(true, Accounts.VISITOR_HOME + " is a " + home.get().type()
                    + " mount, not the tmpfs of " + UNIT_NAME, fix));
        }
        return List.of(new Verifier.Finding(false, "the visitor's home is a tmpfs of "
                + home.get().size().orElse("unlimited size (half the memory)"), ""));
    }
}
