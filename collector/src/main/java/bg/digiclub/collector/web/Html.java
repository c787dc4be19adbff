package bg.digiclub.collector.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and formatting for the pages. Every value from the database goes through {@link #esc}. */
final class Html {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "—" : MINUTE.format(instant.atZone(zone));
    }

    static String hours(long minutes) {
        return String.format(Locale.ROOT, "%.1f", minutes / 60.0);
    }

    static String number(long value) {
        // a thin space between thousands, as Bulgarian writes numbers
        return String.format(Locale.ROOT, "%,d", value).replace(',', '\u202f');
    }
}
