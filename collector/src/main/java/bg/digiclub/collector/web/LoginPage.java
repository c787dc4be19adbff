package bg.digiclub.collector.web;

/** The sign-in form. */
final class LoginPage {
    private LoginPage() {
    }

    static String render(String message, String username) {
        StringBuilder body = new StringBuilder();
        body.append("<section class=\"login\"><h1>Вход</h1>");
        if (message != null) {
            body.append("<p class=\"error\" id=\"login-error\">").append(Html.esc(message)).append("</p>");
        }
        body.append("<form method=\"post\" action=\"/login\">")
                .append("<label>Потребител<input name=\"username\" id=\"username\" autocomplete=\"username\" value=\"")
                .append(Html.esc(username == null ? "" : username)).append("\" required></label>")
                .append("<label>Парола<input type=\"password\" name=\"password\" id=\"password\" ")
                .append("autocomplete=\"current-password\" required></label>")
                .append("<button type=\"submit\" id=\"login\">Вход</button></form></section>");
        return Layout.page("Вход", null, body.toString());
    }
}
