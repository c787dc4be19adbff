package bg.digiclub.agent.health.sampling.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of a {@code /proc} table into its blank-separated fields. The readers split a few
 * lines every sample; a plain scan keeps the regular-expression engine (a large body of code the
 * JIT would compile only after many samples) off that path.
 */
final class ProcFields {
    private ProcFields() {}

    /** The fields of {@code line}, split on runs of spaces and tabs; leading and trailing blanks ignored. */
    static String[] of(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            if (start < i) {
                fields.add(line.substring(start, i));
            }
        }
        return fields.toArray(new String[0]);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
