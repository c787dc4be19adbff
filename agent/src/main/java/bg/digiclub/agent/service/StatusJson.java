package bg.digiclub.agent.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;

/**
 * Writes a {@link HealthReport} as the JSON of {@code status.json} and {@code agent status --json}.
 * The running agent writes it every sample: a few lines of straight appends cost a fraction of
 * what Jackson's bean serializers cost while the JIT is still warming (docs/benchmarks.md).
 * The form is the one Jackson reads back into the record ({@link StatusFile#readFresh}): field
 * names as the record components, times as ISO-8601 text, statuses by name, facts as numbers.
 * A fact that is not a finite number is left out (JSON has no NaN).
 *
 * <p>Most checks keep their {@code since} from one report to the next, so the text of each time is
 * kept from the previous report and formatted again only when it is new. Not thread-safe.
 */
final class StatusJson {
    private Map<Instant, String> previousTimes = new HashMap<>();
    private Map<Instant, String> times = new HashMap<>();

    String write(HealthReport report) {
        StringBuilder out = new StringBuilder(4096);
        out.append("{\n  \"overall\" : \"").append(report.overall().name()).append("\",\n  \"sampledAt\" : ");
        time(out, report.sampledAt());
        out.append(",\n  \"checks\" : [");
        String separator = " ";
        for (CheckReport check : report.checks()) {
            out.append(separator).append("{\n    \"name\" : ");
            string(out, check.name());
            out.append(",\n    \"status\" : \"").append(check.status().name()).append("\",\n    \"value\" : ");
            string(out, check.value());
            out.append(",\n    \"since\" : ");
            time(out, check.since());
            out.append(",\n    \"facts\" : {");
            facts(out, check.facts());
            out.append("}\n  }");
            separator = ", ";
        }
        Map<Instant, String> kept = previousTimes;
        kept.clear();
        previousTimes = times;
        times = kept;
        return out.append(report.checks().isEmpty() ? "]\n}" : " ]\n}").toString();
    }

    private static void facts(StringBuilder out, Map<String, Double> facts) {
        String separator = "\n      ";
        for (Map.Entry<String, Double> fact : facts.entrySet()) {
            double value = fact.getValue();
            if (!Double.isFinite(value)) {
                continue;
            }
            out.append(separator);
            string(out, fact.getKey());
            out.append(" : ");
            number(out, value);
            separator = ",\n      ";
        }
        if (separator.charAt(0) == ',') {
            out.append("\n    ");
        }
    }

    /**
     * A finite number: whole ones (byte counts, seconds) as integers, "270553174016" rather than
     * "2.70553174016E11", which also spares the JIT-cold decimal conversion of a double.
     */
    static void number(StringBuilder out, double value) {
        long whole = (long) value;
        if (whole == value && Math.abs(value) < 1e15) {
            out.append(whole);
        } else {
            out.append(value);
        }
    }

    private void time(StringBuilder out, Instant at) {
        if (at == null) {
            out.append("null");
            return;
        }
        String text = previousTimes.get(at);
        if (text == null) {
            text = times.get(at);
        }
        if (text == null) {
            text = at.toString();
        }
        times.put(at, text);
        out.append('"').append(text).append('"');
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
