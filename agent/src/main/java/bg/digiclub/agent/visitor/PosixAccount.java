package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An OS account as the password database knows it (local files or any NSS source).
 *
 * @param name the account name
 * @param uid  its user id
 * @param gid  its primary group id
 * @param home its home directory as recorded in the database
 */
public record PosixAccount(String name, int uid, int gid, Path home) {
    /** What useradd accepts, roughly; keeps odd text out of command lines and messages. */
    static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");

    public PosixAccount {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an account name: " + name);
        }
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("negative id for " + name);
        }
    }

    /** Whether {@code name} is an account name this code accepts (lower case, like useradd's). */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Looks {@code name} up with {@code getent passwd}; empty if there is no such account. */
    public static Optional<PosixAccount> lookup(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return parsePasswd(queryPasswd(name));
    }

    private static List<String> queryPasswd(String name) throws IOException {
        Process p = new ProcessBuilder("getent", "passwd", "--", name)
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("getent passwd " + name + " did not answer in 10 s");
            }
            // exit 2: no such key
            return p.exitValue() == 0 ? out.lines().toList() : List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted looking up " + name, e);
        }
    }

    /** Parses {@code getent passwd} output ({@code name:x:uid:gid:gecos:home:shell}); empty when none. */
    static Optional<PosixAccount> parsePasswd(List<String> lines) {
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length < 7) {
                continue;
            }
            try {
                return Optional.of(
                        new PosixAccount(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Path.of(f[5])));
            } catch (IllegalArgumentException e) {
                // a line we cannot use; an account we cannot name safely is no account to us
            }
        }
        return Optional.empty();
    }
}
