package bg.digiclub.support.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration script, {@code V<n>__<what>.sql}: its version, file name, statements and the checksum that is
 * recorded when it is applied, so that a script edited after it was applied is noticed instead of silently
 * differing between databases.
 *
 * @param version  the {@code <n>} of its file name
 * @param file     its file name
 * @param checksum SHA-256 of its text (line endings counted as {@code \n}), in hex
 * @param script   its statements
 */
public record Migration(int version, String file, String checksum, SqlScript script) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    public Migration {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(script, "script");
        if (version < 1) {
            throw new IllegalArgumentException("a migration's version is 1 or more, was " + version + " in " + file);
        }
    }

    /** The migration in the file {@code file} whose text is {@code text}. */
    public static Migration of(String file, String text) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Matcher name = FILE_NAME.matcher(file);
        if (!name.matches()) {
            throw new IllegalArgumentException("bad migration file name " + file + " (want V<n>__<name>.sql)");
        }
        return new Migration(Integer.parseInt(name.group(1)), file, checksum(text), SqlScript.parse(file, text));
    }

    /** SHA-256 of {@code text} with CR LF read as LF: a script checked out on Windows is the same script. */
    static String checksum(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
