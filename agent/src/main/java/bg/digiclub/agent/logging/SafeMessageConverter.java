package bg.digiclub.agent.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} as the agent writes it: at most {@value #MAX_CHARS} characters, the rest
 * replaced by a count, and control characters (line breaks above all) written as escapes, so
 * that a message carrying text a client sent can neither grow the log nor forge a line of it.
 */
public final class SafeMessageConverter extends ClassicConverter {
    /** The longest message written; the agent's own messages are far shorter. */
    public static final int MAX_CHARS = 1000;

    @Override
    public String convert(ILoggingEvent event) {
        return safe(event.getFormattedMessage(), MAX_CHARS);
    }

    /** {@code text} cut to {@code max} characters (with a count of the rest), control characters escaped. */
    static String safe(String text, int max) {
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        if (text.length() > max) {
            out.append("… [").append(text.length() - max).append(" more characters not logged]");
        }
        return out.toString();
    }
}
