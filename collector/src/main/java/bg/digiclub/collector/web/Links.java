package bg.digiclub.collector.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import bg.digiclub.collector.report.Period;

/**
 * The dashboard's addresses, built in one place. They are plain text: the templates escape them
 * for the attribute they go in, so an {@code &} here becomes {@code &amp;} in the page.
 */
public final class Links {
    private Links() {}

    /** A path segment or query value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The query that keeps the period when following a link. */
    public static String period(Period period) {
        return "from=" + period.from() + "&to=" + period.to();
    }

    public static String club(String clubId) {
        return "/clubs/" + encode(clubId);
    }

    public static String club(String clubId, Period period) {
        return club(clubId) + "?" + period(period);
    }

    public static String device(UUID deviceId, Period period) {
        return "/devices/" + deviceId + "?" + period(period);
    }
}
