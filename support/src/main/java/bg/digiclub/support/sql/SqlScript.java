package bg.digiclub.support.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SQL script split into statements, the one way scripts are read: a statement ends with a line whose last
 * character is {@code ;}, lines that start with {@code --} are comments, blank lines are skipped. Enough for
 * migrations written for both SQLite and PostgreSQL (no triggers, no dollar quoting); text left after the last
 * {@code ;} is an error naming the script, not a statement silently dropped or run.
 *
 * @param name       where the script came from, for messages
 * @param statements its statements, without the ending {@code ;}
 */
public record SqlScript(String name, List<String> statements) {

    public SqlScript {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
    }

    /** Splits {@code text} (the script called {@code name}) into statements. */
    public static SqlScript parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("the SQL script " + name + " ends without ';' after: "
                    + current.toString().strip());
        }
        return new SqlScript(name, statements);
    }
}
