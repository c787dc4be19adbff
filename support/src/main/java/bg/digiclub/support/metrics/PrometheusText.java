package bg.digiclub.support.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: for each metric family a
 * {@code # HELP} and a {@code # TYPE} line, then its samples, one a line. Both programs that speak
 * it (the collector's {@code /metrics}, the agent's node_exporter textfile) write through this one
 * class, so the escaping rules live in one place: in HELP text a backslash and a line break are
 * escaped, in label values also the double quote. Names are checked against the format's grammar,
 * and a counter's name must end in {@code _total}, as the OpenMetrics convention that Prometheus
 * reads asks; a family may be declared once. Not thread-safe: one writer per scrape or file.
 */
public final class PrometheusText {
    /** The {@code Content-Type} of a scrape answer in this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The kind of a metric family, as its {@code # TYPE} line says. */
    public enum Type {
        /** Only ever goes up (and back to zero when the process restarts); its name ends in {@code _total}. */
        COUNTER,
        /** Goes up and down: a current value. */
        GAUGE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A label's name and value. */
    public record Label(String name, String value) {
        public Label {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new IllegalArgumentException("not a label name: " + name);
            }
        }
    }

    private final StringBuilder out = new StringBuilder(4096);
    private final Set<String> declared = new HashSet<>();
    private String family;

    /**
     * Starts a metric family: its HELP and TYPE lines. Its samples follow through {@link #sample}.
     *
     * @throws IllegalArgumentException if the name is not a metric name, a counter's does not end in
     *                                  {@code _total}, or the family was declared already
     */
    public PrometheusText family(String name, Type type, String help) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        if (!declared.add(name)) {
            throw new IllegalArgumentException("the family " + name + " is declared twice");
        }
        family = name;
        out.append("# HELP ").append(name).append(' ');
        escape(help, false);
        out.append("\n# TYPE ").append(name).append(' ').append(type.word()).append('\n');
        return this;
    }

    /** A sample of the current family without labels. */
    public PrometheusText sample(double value) {
        return sample(List.of(), value);
    }

    /** A sample of the current family with one label. */
    public PrometheusText sample(String label, String labelValue, double value) {
        return sample(List.of(new Label(label, labelValue)), value);
    }

    /** A sample of the current family with these labels (in this order). */
    public PrometheusText sample(List<Label> labels, double value) {
        if (family == null) {
            throw new IllegalStateException("a sample needs its family first");
        }
        out.append(family);
        if (!labels.isEmpty()) {
            out.append('{');
            String separator = "";
            for (Label label : labels) {
                out.append(separator).append(label.name()).append("=\"");
                escape(label.value(), true);
                out.append('"');
                separator = ",";
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** The text written so far. */
    public String text() {
        return out.toString();
    }

    /** A value as the format writes it: whole numbers without a fraction, NaN and infinities by name. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private void escape(String text, boolean quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quote ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }
}
