package bg.digiclub.collector.web;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.ClubSummary;
import bg.digiclub.collector.report.DayCount;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.collector.report.Period;
import java.util.List;

/** The municipality's page: every club for the period, with a chart of all sessions per day. */
final class OverviewPage {
    private OverviewPage() {
    }

    static String render(User user, Period period, List<ClubSummary> clubs, List<DayCount> days) {
        long sessions = clubs.stream().mapToLong(ClubSummary::sessions).sum();
        long minutes = clubs.stream().mapToLong(ClubSummary::sessionMinutes).sum();
        long active = clubs.stream().mapToLong(ClubSummary::devicesActive).sum();
        long devices = clubs.stream().mapToLong(ClubSummary::devices).sum();
        long unhealthy = clubs.stream().filter(c -> c.health() == HealthLight.RED).count();
        StringBuilder body = new StringBuilder();
        body.append("<h1>Дигитални клубове</h1>").append(Layout.periodForm("/", period));
        body.append("<div class=\"cards\">")
                .append(Layout.card("total-sessions", "Сесии", Html.number(sessions)))
                .append(Layout.card("total-hours", "Часове", Html.hours(minutes)))
                .append(Layout.card("total-devices", "Активни компютри", active + " от " + devices))
                .append(Layout.card("clubs-red", "Клубове с проблем", Long.toString(unhealthy)))
                .append("</div>");
        body.append("<h2>Сесии по дни</h2>").append(Charts.sessionsPerDay(days));
        body.append("<h2>Клубове</h2><p><a class=\"button\" id=\"csv\" href=\"/export.csv?club=all&amp;")
                .append(Layout.query(period)).append("\">Изтегли CSV</a></p>");
        body.append("<table id=\"clubs\"><thead><tr><th>Клуб</th><th>Място</th><th class=\"num\">Сесии</th>")
                .append("<th class=\"num\">Часове</th><th class=\"num\">Членове·дни</th>")
                .append("<th class=\"num\">Активни компютри</th><th>Последно видян</th><th>Състояние</th></tr></thead><tbody>");
        for (ClubSummary club : clubs) {
            body.append("<tr data-club=\"").append(Html.esc(club.club().id())).append("\"><td><a href=\"/clubs/")
                    .append(Html.url(club.club().id())).append("?").append(Layout.query(period)).append("\">")
                    .append(Html.esc(club.club().name())).append("</a></td><td>").append(Html.esc(club.club().place()))
                    .append("</td><td class=\"num sessions\">").append(Html.number(club.sessions()))
                    .append("</td><td class=\"num\">").append(Html.hours(club.sessionMinutes()))
                    .append("</td><td class=\"num\">").append(Html.number(club.memberDays()))
                    .append("</td><td class=\"num\">").append(club.devicesActive()).append(" / ").append(club.devices())
                    .append("</td><td>").append(Html.time(club.lastSeen(), club.club().timeZone()))
                    .append("</td><td>").append(Layout.light(club.health())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        return Layout.page("Обзор", user, body.toString());
    }
}
