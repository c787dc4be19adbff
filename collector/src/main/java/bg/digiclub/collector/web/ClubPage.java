package bg.digiclub.collector.web;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.ClubReport;
import bg.digiclub.collector.report.ClubSummary;
import bg.digiclub.collector.report.DeviceSummary;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import java.util.List;

/**
 * One club: its numbers, sessions per day, the week's busy hours, visitors by age and sex, the
 * sessions that used each kind of launcher tile, its PCs.
 */
final class ClubPage {
    private ClubPage() {
    }

    static String render(User user, Period period, ClubReport report) {
        ClubSummary s = report.summary();
        StringBuilder body = new StringBuilder();
        if (user.role() == bg.digiclub.collector.auth.Role.MUNICIPALITY) {
            body.append("<p class=\"crumbs\"><a href=\"/?").append(Layout.query(period)).append("\">Всички клубове</a></p>");
        }
        body.append("<h1 id=\"club-name\">").append(Html.esc(s.club().name())).append("</h1><p class=\"place\">")
                .append(Html.esc(s.club().place())).append(" · ").append(Layout.light(s.health())).append("</p>");
        body.append(Layout.periodForm("/clubs/" + s.club().id(), period));
        body.append("<div class=\"cards\">")
                .append(Layout.card("sessions", "Сесии", Html.number(s.sessions())))
                .append(Layout.card("hours", "Часове", Html.hours(s.sessionMinutes())))
                .append(Layout.card("guests", "Гости / членове", s.guestSessions() + " / " + s.memberSessions()))
                .append(Layout.card("member-days", "Членове·дни", Html.number(s.memberDays())))
                .append(Layout.card("devices-active", "Активни компютри", s.devicesActive() + " от " + s.devices()))
                .append("</div>");
        body.append("<h2>Сесии по дни</h2>").append(Charts.sessionsPerDay(report.days()));
        body.append("<h2>Натоварване по час</h2>").append(Charts.heatmap(report.heatmap()));
        body.append("<h2>Посетители по възраст и пол</h2>").append(demographics(report.demographics()));
        body.append("<h2>Сесии по вид на използваните плочки</h2>").append(tileCategories(report.tileCategories()));
        body.append("<p><a class=\"button\" id=\"csv\" href=\"/export.csv?club=").append(Html.url(s.club().id()))
                .append("&amp;").append(Layout.query(period)).append("\">Изтегли CSV</a></p>");
        body.append("<h2>Компютри</h2>").append(devices(report, period));
        return Layout.page(s.club().name(), user, body.toString());
    }

    private static String demographics(SuppressedTable table) {
        StringBuilder html = new StringBuilder("<table id=\"demographics\"><thead><tr><th>Възраст</th>");
        for (Sex sex : Sex.values()) {
            html.append("<th class=\"num\">").append(sexLabel(sex)).append("</th>");
        }
        html.append("<th class=\"num\">Общо</th></tr></thead><tbody>");
        AgeBand[] bands = AgeBand.values();
        for (int r = 0; r < bands.length; r++) {
            html.append("<tr><th>").append(ageLabel(bands[r])).append("</th>");
            for (int c = 0; c < table.columns(); c++) {
                html.append(cell(table.cell(r, c), bands[r].name() + "-" + Sex.values()[c].name()));
            }
            html.append(cell(table.rowTotals()[r], bands[r].name() + "-TOTAL")).append("</tr>");
        }
        html.append("</tbody><tfoot><tr><th>Общо</th>");
        for (int c = 0; c < table.columns(); c++) {
            html.append(cell(table.columnTotals()[c], "TOTAL-" + Sex.values()[c].name()));
        }
        html.append(cell(table.grandTotal(), "TOTAL-TOTAL")).append("</tr></tfoot></table>");
        html.append("<p class=\"note\">Броят се сесии. „&lt;5“: между 1 и 4; „x“: скрито, за да не може "
                + "скрито малко число да се изчисли от сумите.</p>");
        return html.toString();
    }

    /** Per category: "Сесии с плочка за учене: N" (the category once per session, so they do not add up). */
    private static String tileCategories(List<Cell> counts) {
        StringBuilder html = new StringBuilder("<table id=\"tile-categories\"><tbody>");
        for (TileCategory category : TileCategory.values()) {
            html.append("<tr><th>Сесии с плочка ").append(tileLabel(category)).append("</th>")
                    .append(cell(counts.get(category.ordinal()), category.name())).append("</tr>");
        }
        html.append("</tbody></table><p class=\"note\">Сесия, отворила няколко плочки от един вид, се брои веднъж; "
                + "сесия с плочки от два вида се брои и при двата. Броят се само видовете, никога коя плочка, "
                + "програма или адрес. „&lt;5“: между 1 и 4.</p>");
        return html.toString();
    }

    static String tileLabel(TileCategory category) {
        return switch (category) {
            case E_GOVERNMENT -> "за електронно управление";
            case HEALTH -> "за здраве";
            case PAYMENTS -> "за плащане на сметки";
            case FAMILY -> "за връзка с близките";
            case LEARNING -> "за учене";
            case WRITING -> "за писане";
            case BROWSING -> "за интернет";
        };
    }

    private static String cell(Cell cell, String key) {
        return "<td class=\"num cell-" + cell.shown().name().toLowerCase() + "\" data-cell=\"" + key + "\">"
                + Html.esc(cell.text()) + "</td>";
    }

    private static String devices(ClubReport report, Period period) {
        StringBuilder html = new StringBuilder("<table id=\"devices\"><thead><tr><th>Компютър</th><th>Състояние</th>"
                + "<th>Проверки</th><th class=\"num\">Сесии</th><th class=\"num\">Часове</th><th>Последно видян</th>"
                + "<th>Версия</th><th class=\"num\">Изгубени пакети</th></tr></thead><tbody>");
        var zone = report.summary().club().timeZone();
        for (DeviceSummary d : report.devices()) {
            html.append("<tr><td><a href=\"/devices/").append(d.id()).append("?").append(Layout.query(period))
                    .append("\">PC ").append(d.number()).append("</a>").append(d.revoked() ? " (отписан)" : "")
                    .append("</td><td>").append(Layout.light(HealthLight.of(d.health()))).append("</td><td>");
            d.checks().stream().filter(c -> c.status() != bg.digiclub.common.health.HealthStatus.OK)
                    .forEach(c -> html.append("<span class=\"check st-").append(c.status().name().toLowerCase())
                            .append("\">").append(Html.esc(c.name())).append(" ").append(c.status()).append("</span> "));
            html.append("</td><td class=\"num\">").append(d.sessions()).append("</td><td class=\"num\">")
                    .append(Html.hours(d.sessionMinutes())).append("</td><td>").append(Html.time(d.lastSeen(), zone))
                    .append("</td><td>").append(Html.esc(d.agentVersion())).append("</td><td class=\"num\">")
                    .append(d.evictedUsage() + d.evictedHealth()).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String ageLabel(AgeBand band) {
        return switch (band) {
            case AGE_0_15 -> "0–15";
            case AGE_16_17 -> "16–17";
            case AGE_18_24 -> "18–24";
            case AGE_25_29 -> "25–29";
            case AGE_30_54 -> "30–54";
            case AGE_55_64 -> "55–64";
            case AGE_65_74 -> "65–74";
            case AGE_75_PLUS -> "75+";
            case NOT_DECLARED -> "не е посочена";
        };
    }

    static String sexLabel(Sex sex) {
        return switch (sex) {
            case FEMALE -> "Жени";
            case MALE -> "Мъже";
            case NOT_DECLARED -> "Не е посочен";
        };
    }
}
