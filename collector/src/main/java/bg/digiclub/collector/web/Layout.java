package bg.digiclub.collector.web;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.collector.report.Period;

/** The frame every page shares: head, top bar with the signed-in user, and the period form. */
final class Layout {
    private Layout() {
    }

    static String page(String title, User user, String body) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"bg\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append(" — DigiClub</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/dashboard.css\">")
                .append("<script src=\"/static/dashboard.js\" defer></script></head><body>");
        html.append("<header class=\"top\"><a class=\"brand\" href=\"/\">DigiClub · статистика</a>");
        if (user != null) {
            html.append("<span class=\"who\" id=\"who\">").append(Html.esc(user.username())).append(" · ")
                    .append(user.role() == Role.MUNICIPALITY ? "община" : "клуб").append("</span>")
                    .append("<form method=\"post\" action=\"/logout\" class=\"logout\">")
                    .append("<button type=\"submit\" id=\"logout\">Изход</button></form>");
        }
        html.append("</header><main>").append(body).append("</main></body></html>");
        return html.toString();
    }

    static String periodForm(String action, Period period) {
        return "<form class=\"period\" method=\"get\" action=\"" + Html.esc(action) + "\">"
                + "<label>от <input type=\"date\" name=\"from\" id=\"from\" value=\"" + period.from() + "\"></label>"
                + "<label>до <input type=\"date\" name=\"to\" id=\"to\" value=\"" + period.to() + "\"></label>"
                + "<button type=\"submit\" id=\"show\">Покажи</button></form>";
    }

    static String query(Period period) {
        return "from=" + period.from() + "&amp;to=" + period.to();
    }

    static String light(HealthLight light) {
        String text = switch (light) {
            case GREEN -> "изправни";
            case AMBER -> "внимание";
            case RED -> "проблем";
            case NONE -> "няма данни";
        };
        return "<span class=\"light light-" + light.name().toLowerCase() + "\" data-health=\"" + light.name() + "\">"
                + text + "</span>";
    }

    static String card(String id, String label, String value) {
        return "<div class=\"card\"><div class=\"label\">" + Html.esc(label) + "</div><div class=\"value\" id=\""
                + Html.esc(id) + "\">" + Html.esc(value) + "</div></div>";
    }

    static String error(User user, String title, String message) {
        return page(title, user, "<h1>" + Html.esc(title) + "</h1><p class=\"error\" id=\"error\">"
                + Html.esc(message) + "</p><p><a href=\"/\">Към началото</a></p>");
    }
}
