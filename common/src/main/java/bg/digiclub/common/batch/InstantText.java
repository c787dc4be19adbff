package bg.digiclub.common.batch;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads the protocol's instants ({@code 2026-11-24T08:00:00Z}). The common shape, UTC to the
 * second, is read by hand: a batch has dozens of instants and the general ISO parser was 7 % of
 * the intake's CPU. Anything else goes to {@link Instant#parse}; what that cannot read is a
 * wrong-type error naming the value.
 */
final class InstantText extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantText() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        try {
            Instant fast = fast(text);
            return fast != null ? fast : Instant.parse(text);
        } catch (DateTimeException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 UTC instant");
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, or null if the text has another shape. */
    static Instant fast(String t) {
        if (t.length() != 20
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        // LocalDateTime.of checks the ranges (month 13, February 30) and throws DateTimeException
        return Instant.ofEpochSecond(
                LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC));
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
