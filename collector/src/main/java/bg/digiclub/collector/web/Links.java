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

    /** The club's live room view. */
    public static String room(String clubId) {
        return club(clubId) + "/room";
    }

    public static String roomJson(String clubId) {
        return club(clubId) + "/room.json";
    }

    /** Where the room view's forms post a command ({@code POST}, docs/collector.md). */
    public static String commands(String clubId) {
        return club(clubId) + "/commands";
    }

    public static String queue(String clubId) {
        return club(clubId) + "/queue";
    }

    public static String settings(String clubId) {
        return club(clubId) + "/settings";
    }

    public static String log(String clubId) {
        return club(clubId) + "/log";
    }

    public static String device(UUID deviceId, Period period) {
        return "/devices/" + deviceId + "?" + period(period);
    }

    /** The programme report page of a scope ({@code municipality} or a club's id) and period (its name). */
    public static String programme(String scope, String period) {
        return "/reports/programme?" + programmeQuery(scope, period);
    }

    /** The same report as CSV. */
    public static String programmeCsv(String scope, String period) {
        return "/reports/programme.csv?" + programmeQuery(scope, period);
    }

    /** The same report from the read API. */
    public static String programmeApi(String scope, String period) {
        return "/api/v1/reports/programme?" + programmeQuery(scope, period);
    }

    private static String programmeQuery(String scope, String period) {
        return "scope=" + encode(scope) + "&period=" + encode(period);
    }
}
