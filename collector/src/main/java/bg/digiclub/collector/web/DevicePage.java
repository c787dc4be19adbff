package bg.digiclub.collector.web;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.DeviceSummary;
import bg.digiclub.collector.report.HealthDayRow;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.collector.report.HealthPoint;
import bg.digiclub.collector.store.Club;
import bg.digiclub.common.batch.CheckStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One PC: its current health, the last week's snapshots as a chart, and daily summaries. */
final class DevicePage {
    private DevicePage() {
    }

    static String render(User user, Club club, DeviceSummary device, List<HealthPoint> history, Instant from,
                         Instant to, List<HealthDayRow> days) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"crumbs\"><a href=\"/clubs/").append(Html.url(club.id())).append("\">")
                .append(Html.esc(club.name())).append("</a></p>");
        body.append("<h1 id=\"device-name\">PC ").append(device.number()).append("</h1><p>")
                .append(Layout.light(HealthLight.of(device.health()))).append(" · последно видян ")
                .append(Html.time(device.lastSeen(), club.timeZone())).append(" · версия ")
                .append(Html.esc(device.agentVersion())).append(device.revoked() ? " · отписан" : "").append("</p>");
        body.append("<h2>Проверки сега</h2><ul class=\"checks\" id=\"checks\">");
        for (CheckStatus check : device.checks()) {
            body.append("<li class=\"st-").append(check.status().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(Html.esc(check.name())).append(": ").append(check.status()).append("</li>");
        }
        body.append("</ul><h2>Последните 7 дни</h2>").append(Charts.healthHistory(history, from, to, club.timeZone()));
        body.append("<h2>По дни</h2><table id=\"health-days\"><thead><tr><th>Ден</th><th>Най-лошо</th>")
                .append("<th class=\"num\">Мин. свободен диск %</th><th class=\"num\">Макс. темп. °C</th>")
                .append("<th class=\"num\">Тревоги</th><th class=\"num\">Работил (ч)</th></tr></thead><tbody>");
        for (HealthDayRow day : days) {
            body.append("<tr><td>").append(day.day()).append("</td><td>");
            if (day.worst().stream().allMatch(c -> c.status() == bg.digiclub.common.health.HealthStatus.OK)) {
                body.append("всички OK");
            }
            for (CheckStatus check : day.worst()) {
                if (check.status() != bg.digiclub.common.health.HealthStatus.OK) {
                    body.append("<span class=\"check st-").append(check.status().name().toLowerCase(Locale.ROOT))
                            .append("\">").append(Html.esc(check.name())).append(" ").append(check.status())
                            .append("</span> ");
                }
            }
            body.append("</td><td class=\"num\">").append(format(day.minFreeDiskPercent()))
                    .append("</td><td class=\"num\">").append(format(day.maxCpuTemperatureCelsius()))
                    .append("</td><td class=\"num\">").append(day.alertCount()).append("</td><td class=\"num\">")
                    .append(Html.hours(day.uptimeMinutes())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        return Layout.page("PC " + device.number() + " — " + club.name(), user, body.toString());
    }

    private static String format(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }
}
